#pragma once
// Printing the HTML report to PDF with a headless Chromium (Debian package
// chromium), in a fresh profile; the PDF is written to a temporary file and
// renamed into place.
#include <filesystem>

namespace regionet::app {

// Throws Error when no Chromium is on PATH or printing fails.
void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace regionet::app
