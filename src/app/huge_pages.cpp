// Large C++ allocations on transparent huge pages.
//
// The passes walk arrays of tens to hundreds of megabytes (the dataset's memberships,
// the municipality projection, Louvain's adjacency) in random order. On 4 KiB pages
// every first touch is a page fault and most accesses miss the TLB; on a virtual
// machine both cost more. Debian's kernels leave transparent huge pages to
// madvise(MADV_HUGEPAGE), so this replacement of the global operator new asks for
// them on every block of 8 MiB or more, before the caller first touches it: glibc
// serves such blocks from fresh mmap'ed memory. Smaller blocks and C libraries'
// malloc are left as they are. Measured in README (Performance, eighth round).
//
// Linked into the regionet and regionet_bench executables only, and left out of
// sanitizer builds, where ASan's own operator new must stay.
#include <cstdint>
#include <cstdlib>
#include <new>
#include <sys/mman.h>

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
constexpr std::size_t advise_from = 4 * huge_page;

void* allocate(std::size_t bytes) noexcept {
    void* block = std::malloc(bytes ? bytes : 1);
    if (block && bytes >= advise_from) {
        // Only whole huge pages inside the block: the advice must not reach memory
        // that malloc hands to others.
        const auto start = reinterpret_cast<std::uintptr_t>(block);
        const auto first = (start + huge_page - 1) & ~(huge_page - 1);
        const auto last = (start + bytes) & ~(huge_page - 1);
        if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
    }
    return block;
}

void* allocate_or_throw(std::size_t bytes) {
    for (;;) {
        if (void* block = allocate(bytes)) return block;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

}  // namespace

void* operator new(std::size_t bytes) { return allocate_or_throw(bytes); }
void* operator new[](std::size_t bytes) { return allocate_or_throw(bytes); }
void* operator new(std::size_t bytes, const std::nothrow_t&) noexcept { return allocate(bytes); }
void* operator new[](std::size_t bytes, const std::nothrow_t&) noexcept { return allocate(bytes); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { std::free(block); }
