#include "capi/igraph.hpp"

#include <omp.h>

#include <utility>

namespace regionet::ig {

namespace {

thread_local std::string g_reason;

// igraph's maintainers' rule for hosts: remember the message, free what the
// failing function registered, and return normally (never throw or longjmp).
void on_error(const char* reason, const char* file, int line, igraph_error_t) {
    if (reason && *reason && g_reason.empty())
        g_reason = std::string(reason) + " (" + (file ? file : "?") + ":" + std::to_string(line) + ")";
    IGRAPH_FINALLY_FREE();
}

void on_warning(const char*, const char*, int) {}

}  // namespace

void install_error_handler() {
    igraph_set_error_handler(&on_error);
    igraph_set_warning_handler(&on_warning);
}

void check(igraph_error_t rc) {
    if (rc == IGRAPH_SUCCESS) {
        g_reason.clear();
        return;
    }
    std::string reason = std::exchange(g_reason, {});
    throw Error(rc, std::string("igraph: ") + igraph_strerror(rc) + (reason.empty() ? "" : ": " + reason));
}

void seed(unsigned long s) { check(igraph_rng_seed(igraph_rng_default(), s)); }

IntVector::IntVector(const std::vector<igraph_integer_t>& values) {
    check(igraph_vector_int_init_array(&m_v, values.data(), static_cast<igraph_integer_t>(values.size())));
}

RealVector::RealVector(const std::vector<double>& values) {
    check(igraph_vector_init_array(&m_v, values.data(), static_cast<igraph_integer_t>(values.size())));
}

std::vector<igraph_integer_t> IntVector::to_std() const {
    return std::vector<igraph_integer_t>(VECTOR(m_v), VECTOR(m_v) + size());
}

std::vector<double> RealVector::to_std() const {
    return std::vector<double>(VECTOR(m_v), VECTOR(m_v) + size());
}

Graph::Graph(const IntVector& edges, igraph_integer_t vertices, bool directed) {
    auto raw = std::make_unique<igraph_t>();  // not yet initialised: a plain delete on throw
    check(igraph_create(raw.get(), edges.get(), vertices, directed));
    m_g.reset(raw.release());
}

OneOpenMPThread::OneOpenMPThread() : m_before(omp_get_max_threads()) { omp_set_num_threads(1); }

OneOpenMPThread::~OneOpenMPThread() { omp_set_num_threads(m_before); }

}  // namespace regionet::ig
