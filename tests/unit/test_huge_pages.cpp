// src/app/huge_pages.cpp: the global operator new of the executables. It must behave
// as the standard one and advise huge pages on exactly the whole 2 MiB pages inside
// a large block (the kernel's own record, /proc/self/smaps, is the independent check).
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>
#include <sstream>
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

bool transparent_huge_pages_available() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string modes;
    return std::getline(f, modes) && modes.find("[never]") == std::string::npos;
}

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;

}  // namespace

TEST_CASE("operator new: every form allocates writable memory and delete frees it", "[huge_pages]") {
    for (std::size_t bytes : {std::size_t{0}, std::size_t{1}, std::size_t{4096}, std::size_t{9} << 20}) {
        auto* a = static_cast<char*>(::operator new(bytes));
        REQUIRE(a != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(a) % __STDCPP_DEFAULT_NEW_ALIGNMENT__ == 0);
        std::memset(a, 0x5a, bytes);
        ::operator delete(a);
        auto* b = new (std::nothrow) char[bytes + 1];
        REQUIRE(b != nullptr);
        b[bytes] = 1;
        delete[] b;
    }
    auto v = std::make_unique<std::vector<double>>(3'000'000, 1.5);  // 24 MB through std::allocator
    CHECK((*v)[2'999'999] == 1.5);
}

TEST_CASE("operator new: a block of 8 MiB or more is advised for huge pages, inside its bounds only",
          "[huge_pages]") {
    if (!transparent_huge_pages_available()) {
        WARN("no transparent huge pages on this kernel: nothing to advise");
        return;
    }
    const std::size_t bytes = 48u << 20;
    std::unique_ptr<char[]> block(new char[bytes]);
    const auto start = reinterpret_cast<std::uintptr_t>(block.get());
    const auto first = (start + huge_page - 1) & ~(huge_page - 1);
    const auto last = (start + bytes) & ~(huge_page - 1);
    bool covered = false;
    for (const auto& m : mappings()) {
        if (!m.huge_advised || m.end <= start || m.start >= start + bytes) continue;
        // An advised mapping overlapping the block lies within its whole huge pages.
        CHECK(m.start >= first);
        CHECK(m.end <= last);
        if (m.start == first && m.end == last) covered = true;
    }
    CHECK(covered);
}
