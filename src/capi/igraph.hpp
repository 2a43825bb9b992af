#pragma once
// Thin RAII owners over the igraph C core (0.10). Every igraph call goes
// through check(), which turns an error code plus the reason captured by our
// non-aborting handler into regionet::ig::Error.
#include <igraph.h>

#include <memory>
#include <string>
#include <vector>

#include "model/error.hpp"

#if !defined(IGRAPH_VERSION_MAJOR) || IGRAPH_VERSION_MAJOR != 0 || IGRAPH_VERSION_MINOR != 10
#error "regionet needs igraph 0.10"
#endif

namespace regionet::ig {

class Error : public regionet::Error {
public:
    Error(igraph_error_t code, const std::string& message) : regionet::Error(message), m_code(code) {}
    igraph_error_t code() const noexcept { return m_code; }

private:
    igraph_error_t m_code;
};

// Installs the non-aborting error handler and silences igraph warnings.
// Call once before any igraph use (main() and the test listener do).
void install_error_handler();

void check(igraph_error_t rc);

// Seeds igraph's default RNG so randomised algorithms are deterministic.
void seed(unsigned long seed);

class IntVector {
public:
    explicit IntVector(igraph_integer_t n = 0) { check(igraph_vector_int_init(&m_v, n)); }
    explicit IntVector(const std::vector<igraph_integer_t>& values);
    ~IntVector() { igraph_vector_int_destroy(&m_v); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;

    igraph_vector_int_t* get() noexcept { return &m_v; }
    const igraph_vector_int_t* get() const noexcept { return &m_v; }
    igraph_integer_t size() const noexcept { return igraph_vector_int_size(&m_v); }
    igraph_integer_t operator[](igraph_integer_t i) const noexcept { return VECTOR(m_v)[i]; }
    void push_back(igraph_integer_t x) { check(igraph_vector_int_push_back(&m_v, x)); }
    void reserve(igraph_integer_t n) { check(igraph_vector_int_reserve(&m_v, n)); }
    std::vector<igraph_integer_t> to_std() const;

private:
    igraph_vector_int_t m_v;
};

class RealVector {
public:
    explicit RealVector(igraph_integer_t n = 0) { check(igraph_vector_init(&m_v, n)); }
    explicit RealVector(const std::vector<double>& values);
    ~RealVector() { igraph_vector_destroy(&m_v); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;

    igraph_vector_t* get() noexcept { return &m_v; }
    const igraph_vector_t* get() const noexcept { return &m_v; }
    igraph_integer_t size() const noexcept { return igraph_vector_size(&m_v); }
    double operator[](igraph_integer_t i) const noexcept { return VECTOR(m_v)[i]; }
    void push_back(double x) { check(igraph_vector_push_back(&m_v, x)); }
    void reserve(igraph_integer_t n) { check(igraph_vector_reserve(&m_v, n)); }
    std::vector<double> to_std() const;

private:
    igraph_vector_t m_v;
};

// Owns a heap igraph_t: moves are free and noexcept.
class Graph {
public:
    Graph(const IntVector& edges, igraph_integer_t vertices, bool directed);
    Graph(Graph&&) noexcept = default;
    Graph& operator=(Graph&&) noexcept = default;

    igraph_t* get() noexcept { return m_g.get(); }
    const igraph_t* get() const noexcept { return m_g.get(); }
    igraph_integer_t vertex_count() const noexcept { return igraph_vcount(m_g.get()); }
    igraph_integer_t edge_count() const noexcept { return igraph_ecount(m_g.get()); }

private:
    struct Destroy {
        void operator()(igraph_t* g) const noexcept {
            igraph_destroy(g);
            delete g;
        }
    };
    std::unique_ptr<igraph_t, Destroy> m_g;
};

// For its lifetime, OpenMP regions in this thread run on one thread. Debian's
// igraph runs parts of PRPACK (PageRank) as OpenMP loops whose partial sums are
// combined in whichever order the threads finish, so the same graph could give
// PageRanks that differ in the last digits from run to run (seen at eu scale).
// One thread makes them the same every time.
class OneOpenMPThread {
public:
    OneOpenMPThread();
    ~OneOpenMPThread();
    OneOpenMPThread(const OneOpenMPThread&) = delete;
    OneOpenMPThread& operator=(const OneOpenMPThread&) = delete;

private:
    int m_before;
};

}  // namespace regionet::ig
