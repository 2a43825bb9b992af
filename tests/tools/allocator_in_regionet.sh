#!/bin/sh
# The regionet executable runs on jemalloc with the options src/app/allocator.cpp
# sets: jemalloc prints its statistics at exit when MALLOC_CONF asks for them (no
# other allocator does), and they name its options. On a kernel without transparent
# huge pages jemalloc reports `thp` as not supported whatever it was told; then only
# jemalloc itself is checked.
# Usage: tests/tools/allocator_in_regionet.sh REGIONET (ctest runs it)
set -eu
stats=$(MALLOC_CONF=stats_print:true "$1" --version 2>&1)
echo "$stats" | grep -q "Begin jemalloc statistics" || { echo "regionet does not run on jemalloc" >&2; exit 1; }
if [ -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
    echo "$stats" | grep -q 'opt.thp: "always"' || { echo "jemalloc in regionet lacks thp:always:" >&2; echo "$stats" | grep "opt.thp" >&2; exit 1; }
fi
