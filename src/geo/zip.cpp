#include "geo/zip.hpp"

#include <cpl_vsi.h>

#include <memory>

namespace regionet::geo {

namespace {

struct CloseVsiFile {
    void operator()(VSILFILE* f) const noexcept { VSIFCloseL(f); }
};

}  // namespace

std::string vsizip_path(const std::filesystem::path& zip, const std::string& member) {
    return "/vsizip/{" + zip.string() + "}" + (member.empty() ? "" : "/" + member);
}

std::optional<std::string> read_zip_member(const std::filesystem::path& zip, const std::string& member) {
    std::unique_ptr<VSILFILE, CloseVsiFile> in(VSIFOpenL(vsizip_path(zip, member).c_str(), "rb"));
    if (!in) return std::nullopt;
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const auto n = VSIFReadL(buffer, 1, sizeof buffer, in.get());
        text.append(buffer, n);
        if (n < sizeof buffer) break;
    }
    return text;
}

}  // namespace regionet::geo
