#include "app/pdf.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "model/error.hpp"

extern char** environ;

namespace regionet::app {

namespace fs = std::filesystem;

namespace {

// The first executable of the given names on PATH.
std::optional<fs::path> find_program(const std::vector<std::string>& names) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    for (const auto& name : names) {
        std::istringstream dirs(path);
        std::string dir;
        while (std::getline(dirs, dir, ':')) {
            if (dir.empty()) continue;
            const fs::path p = fs::path(dir) / name;
            if (::access(p.c_str(), X_OK) == 0) return p;
        }
    }
    return std::nullopt;
}

}  // namespace

void print_pdf(const fs::path& html, const fs::path& pdf) {
    auto chromium = find_program({"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"});
    if (!chromium) throw Error("--pdf needs a headless Chromium (Debian package chromium); none found on PATH");
    std::string profile_template = (fs::temp_directory_path() / "regionet-chromium-XXXXXX").string();
    if (!::mkdtemp(profile_template.data())) throw Error("--pdf: cannot create a temporary profile folder");
    const fs::path profile = profile_template;
    auto tmp = pdf;
    tmp += ".tmp-" + std::to_string(::getpid());
    std::vector<std::string> args{chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                  "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + profile.string(),
                                  "--print-to-pdf=" + fs::absolute(tmp).string(), "file://" + fs::absolute(html).string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (rc == 0) ::waitpid(pid, &status, 0);
    std::error_code ec;
    fs::remove_all(profile, ec);
    if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(tmp) || fs::file_size(tmp) == 0) {
        fs::remove(tmp, ec);
        throw Error("--pdf: " + chromium->string() + " failed to print " + html.string());
    }
    fs::rename(tmp, pdf, ec);
    if (ec) throw Error(pdf.string() + ": cannot replace: " + ec.message());
}

}  // namespace regionet::app
