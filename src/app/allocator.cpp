// The executables' allocator: jemalloc, with all of its memory on transparent huge pages.
//
// Every command's time on a virtual machine went largely to page faults: each first
// touch of a 4 KiB page costs about 11 us there (72 MB of fresh memory: 200 ms), and a
// command touches 20,000-30,000 of them, most in glibc's heap (small blocks: strings,
// hash nodes, rows) and in igraph's and SQLite's own malloc. Debian's kernels give
// transparent huge pages only on request (`[madvise]`); jemalloc asks for them on all
// of its mappings with `thp:always`, and, as the allocator of the whole process,
// reaches the C libraries too. It reads this configuration from the `malloc_conf`
// symbol at its first allocation (jemalloc(3), "TUNING"); MALLOC_CONF in the
// environment can add to it. Measured in README (Performance, tenth round).
//
// Linked into the regionet and regionet_bench executables only, never into sanitizer
// builds, where ASan's own allocator must stay.
#include <jemalloc/jemalloc.h>

const char* malloc_conf = "thp:always,metadata_thp:always";
