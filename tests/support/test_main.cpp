// Catch2 main with igraph's non-aborting error handler installed for every test run.
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include "capi/igraph.hpp"

namespace {

struct InstallHandlers : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;
    void testRunStarting(const Catch::TestRunInfo&) override {
        regionet::ig::install_error_handler();
        GDALAllRegister();
    }
};

}  // namespace

CATCH_REGISTER_LISTENER(InstallHandlers)
