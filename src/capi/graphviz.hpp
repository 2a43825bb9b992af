#pragma once
// Thin RAII owners over Graphviz cgraph/gvc (2.42). Graphviz's own error
// messages are captured (never printed) and carried in RenderError.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <string>

#include "model/error.hpp"

namespace regionet::gv {

struct FreeContext {
    void operator()(GVC_t* c) const noexcept { gvFreeContext(c); }
};
struct CloseGraph {
    void operator()(Agraph_t* g) const noexcept { agclose(g); }
};
using ContextPtr = std::unique_ptr<GVC_t, FreeContext>;
using GraphPtr = std::unique_ptr<Agraph_t, CloseGraph>;

// The process-wide context (plugins loaded once); installs the error capture
// and binds the layout plugins' calls of their own functions locally, so that
// a library of the same process exporting the same name (librttopo's
// `normalize`, via GDAL) cannot take them over (graphviz.cpp explains).
// One context only: Graphviz 2.42's pango plugin caches a font name that
// gvFreeContext frees, so a second context reads freed memory (ASan found it).
GVC_t* context();

// A new graph; declare every attribute with declare() before setting it.
GraphPtr open_graph(const std::string& name, bool directed, bool strict = false);

// A new graph whose objects are ordered by creation, not by the address of
// their name (cgraph's default ID discipline): agwrite then lists subgraphs
// (clusters) in the order they were made, the same in every run.
GraphPtr open_ordered_graph(const std::string& name, bool directed);

// agattr with std::string (2.42 takes char*); returns the symbol.
Agsym_t* declare(Agraph_t* g, int kind, const std::string& name, const std::string& default_value);
void set(void* object, const std::string& name, const std::string& value);
Agnode_t* node(Agraph_t* g, const std::string& name);
Agedge_t* edge(Agraph_t* g, Agnode_t* tail, Agnode_t* head, const std::string& key = {});
Agraph_t* subgraph(Agraph_t* g, const std::string& name);

// The graph as DOT text, without layout (agwrite).
std::string write_dot(Agraph_t* g);

// Lays out with engine ("dot", "neato", "fdp", "sfdp") and renders to format
// ("svg", "png", "pdf", "dot"...). Frees the layout before returning.
std::string render(GVC_t* gvc, Agraph_t* g, const std::string& engine, const std::string& format);

// The file holding the function that a loaded library's call slot for
// `symbol` points to ("" when the library is not loaded or has no such slot).
// Shows whether a Graphviz plugin calls its own functions (see context()).
std::string binding_of(const std::string& library, const std::string& symbol);

// Text Graphviz reported through agerr since the last call (and clears it).
std::string take_messages();

}  // namespace regionet::gv
