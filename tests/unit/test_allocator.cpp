// src/app/allocator.cpp: the executables run on jemalloc with its memory on transparent
// huge pages. jemalloc's own record of its options (mallctl) and the kernel's record
// of the mappings (/proc/self/smaps) are the independent checks; the regionet
// executable itself is checked by the allocator_in_regionet test (tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <jemalloc/jemalloc.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {

struct Mapping {
    std::uintptr_t start = 0, end = 0;
    bool huge_advised = false;  // "hg" in VmFlags: madvise(MADV_HUGEPAGE)
};

std::vector<Mapping> mappings() {
    std::vector<Mapping> out;
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    while (std::getline(smaps, line)) {
        if (line.rfind("VmFlags:", 0) == 0) {
            if (!out.empty()) out.back().huge_advised = line.find(" hg") != std::string::npos;
            continue;
        }
        const auto dash = line.find('-');
        const auto space = line.find(' ');
        if (dash == std::string::npos || space == std::string::npos || dash > space) continue;
        if (line.find_first_not_of("0123456789abcdef") != dash) continue;
        out.push_back({std::stoull(line.substr(0, dash), nullptr, 16),
                       std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16), false});
    }
    return out;
}

// The kernel's mode for transparent huge pages: "always", "madvise" (Debian's
// default), "never", or "" when the kernel has none.
std::string transparent_huge_page_mode() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    if (!std::getline(f, modes)) return "";
    const auto open = modes.find('['), close = modes.find(']');
    return open == std::string::npos || close == std::string::npos ? "" : modes.substr(open + 1, close - open - 1);
}

// True when [start, start + bytes) lies inside mappings advised for huge pages.
bool huge_advised(const void* block, std::size_t bytes) {
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    std::uintptr_t covered_to = start;
    for (const auto& m : mappings()) {  // in address order
        if (m.end <= covered_to || m.start > covered_to) continue;
        if (!m.huge_advised) return false;
        covered_to = m.end;
        if (covered_to >= start + bytes) return true;
    }
    return false;
}

std::string option(const char* name) {
    const char* value = nullptr;
    std::size_t size = sizeof value;
    REQUIRE(mallctl(name, &value, &size, nullptr, 0) == 0);
    return value ? value : "";
}

}  // namespace

TEST_CASE("allocator: jemalloc 5 serves the process with the options allocator.cpp sets", "[allocator]") {
    CHECK(option("version").rfind("5.", 0) == 0);
    CHECK(option("opt.metadata_thp") == "always");
    // jemalloc reports thp as not supported, whatever it was told, on a kernel
    // without transparent huge pages.
    const auto mode = transparent_huge_page_mode();
    CHECK(option("opt.thp") == (mode.empty() ? "not supported" : "always"));
}

TEST_CASE("allocator: C and C++ allocations of every size work and are freed", "[allocator]") {
    for (std::size_t bytes : {std::size_t{0}, std::size_t{1}, std::size_t{4096}, std::size_t{9} << 20}) {
        auto* a = static_cast<char*>(::operator new(bytes));
        REQUIRE(a != nullptr);
        // Aligned for any object that fits: jemalloc gives a 1-byte block 8-byte alignment.
        const std::size_t alignment = std::min<std::size_t>(__STDCPP_DEFAULT_NEW_ALIGNMENT__, std::bit_floor(bytes | 8));
        CHECK(reinterpret_cast<std::uintptr_t>(a) % alignment == 0);
        std::memset(a, 0x5a, bytes);
        ::operator delete(a);
        auto* c = static_cast<char*>(std::calloc(bytes + 1, 1));
        REQUIRE(c != nullptr);
        CHECK(c[bytes] == 0);
        c = static_cast<char*>(std::realloc(c, 2 * bytes + 1));
        REQUIRE(c != nullptr);
        c[2 * bytes] = 1;
        std::free(c);
    }
    auto v = std::make_unique<std::vector<double>>(3'000'000, 1.5);  // 24 MB through std::allocator
    CHECK((*v)[2'999'999] == 1.5);
}

TEST_CASE("allocator: small and large blocks, C's malloc included, lie on memory advised for huge pages",
          "[allocator]") {
    // jemalloc advises only where the kernel waits to be asked: under "always" every
    // mapping is eligible unasked, under "never" none is.
    const auto mode = transparent_huge_page_mode();
    if (mode != "madvise") {
        WARN("transparent huge pages '" + mode + "' on this kernel: nothing to advise");
        return;
    }
    // A large block as igraph or SQLite ask for it, and many small ones as strings,
    // hash nodes and rows are: the small ones were the most page faults.
    const std::size_t large = 48u << 20;
    std::unique_ptr<char, decltype(&std::free)> block(static_cast<char*>(std::malloc(large)), &std::free);
    REQUIRE(block);
    CHECK(huge_advised(block.get(), large));
    std::vector<std::unique_ptr<std::string>> small;
    for (int i = 0; i < 10'000; ++i) small.push_back(std::make_unique<std::string>(40, 'x'));
    int advised = 0;
    for (int i = 0; i < 10'000; i += 997) advised += huge_advised(small[static_cast<std::size_t>(i)]->data(), 40);
    CHECK(advised == 11);
}
