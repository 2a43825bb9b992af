// One libFuzzer harness per body in fuzz_bodies.hpp, chosen at compile time
// with -DREGIONET_FUZZ_BODY=<name> (tests/fuzz/CMakeLists.txt builds them all).
#include <gdal_priv.h>

#include "fuzz/fuzz_bodies.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    GDALAllRegister();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        regionet::fuzz::REGIONET_FUZZ_BODY(data, size);
    } catch (const regionet::Error&) {
        // A clear error for bad input is the expected outcome.
    }
    return 0;
}
