#include "capi/graphviz.hpp"

#include <cstdio>
#include <map>
#include <string_view>
#include <mutex>
#include <utility>
#include <vector>


namespace regionet::gv {

namespace {

std::string g_messages;

int capture(char* message) {
    if (message) g_messages += message;
    return 0;
}

std::vector<char> c_str(const std::string& s) {
    std::vector<char> v(s.begin(), s.end());
    v.push_back('\0');
    return v;
}

// Collects agwrite output into a std::string (no FILE* or temp file needed).
int put_string(void* chan, const char* str) {
    static_cast<std::string*>(chan)->append(str);
    return 0;
}
int flush_string(void*) { return 0; }
Agiodisc_t string_io{nullptr, put_string, flush_string};

// ID discipline handing out IDs in creation order. Named objects get even IDs
// (2, 4, ...), anonymous ones odd IDs, as in cgraph's default discipline.
// Names are kept as cgraph strings (agstrdup): agwrite asks aghtmlstr() of them.
struct OrderedIds {
    Agraph_t* graph = nullptr;
    std::map<std::string, IDTYPE, std::less<>> ids;
    std::vector<char*> names;             // names[id / 2 - 1], owned by the graph's string dictionary
    IDTYPE anonymous = 1;
};

void* ids_open(Agraph_t* g, Agdisc_t*) {
    auto* s = new OrderedIds;
    s->graph = g;
    return s;
}
long ids_map(void* state, int, char* str, IDTYPE* id, int create) {
    auto* s = static_cast<OrderedIds*>(state);
    if (!str) {
        *id = s->anonymous;
        s->anonymous += 2;
        return 1;
    }
    if (auto it = s->ids.find(std::string_view(str)); it != s->ids.end()) {
        *id = it->second;
        return 1;
    }
    if (!create) return 0;
    s->names.push_back(agstrdup(s->graph, str));
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(str, *id);
    return 1;
}
long ids_alloc(void*, int, IDTYPE) { return 0; }
void ids_free(void*, int, IDTYPE) {}
char* ids_print(void* state, int, IDTYPE id) {
    auto* s = static_cast<OrderedIds*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
    return s->names[id / 2 - 1];
}
void ids_close(void* state) { delete static_cast<OrderedIds*>(state); }
void ids_register(void*, int, void*) {}

Agiddisc_t ordered_id_disc{ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
Agdisc_t ordered_disc{&AgMemDisc, &ordered_id_disc, &AgIoDisc};

}  // namespace

GraphPtr open_ordered_graph(const std::string& name, bool directed) {
    auto n = c_str(name);
    GraphPtr g(agopen(n.data(), directed ? Agdirected : Agundirected, &ordered_disc));
    if (!g) throw RenderError("graphviz: cannot open graph: " + take_messages());
    return g;
}

std::string take_messages() { return std::exchange(g_messages, {}); }

GVC_t* context() {
    agseterr(AGERR);
    agseterrf(&capture);
    // gvContext() loads plugins from the config file; that finds png/pdf via
    // cairo when installed. Freed at exit, after the last rendering.
    static const ContextPtr ctx(gvContext());
    if (!ctx) throw RenderError("graphviz: cannot create a context");
    return ctx.get();
}

GraphPtr open_graph(const std::string& name, bool directed, bool strict) {
    Agdesc_t desc = directed ? (strict ? Agstrictdirected : Agdirected) : (strict ? Agstrictundirected : Agundirected);
    auto n = c_str(name);
    GraphPtr g(agopen(n.data(), desc, nullptr));
    if (!g) throw RenderError("graphviz: cannot open graph: " + take_messages());
    return g;
}

Agsym_t* declare(Agraph_t* g, int kind, const std::string& name, const std::string& default_value) {
    auto n = c_str(name);
    auto v = c_str(default_value);
    Agsym_t* sym = agattr(g, kind, n.data(), v.data());
    if (!sym) throw RenderError("graphviz: cannot declare attribute " + name);
    return sym;
}

void set(void* object, const std::string& name, const std::string& value) {
    auto n = c_str(name);
    auto v = c_str(value);
    if (agset(object, n.data(), v.data()) != 0)
        throw RenderError("graphviz: attribute '" + name + "' was not declared");
}

Agnode_t* node(Agraph_t* g, const std::string& name) {
    auto n = c_str(name);
    Agnode_t* nd = agnode(g, n.data(), 1);
    if (!nd) throw RenderError("graphviz: cannot create node " + name);
    return nd;
}

Agedge_t* edge(Agraph_t* g, Agnode_t* tail, Agnode_t* head, const std::string& key) {
    auto k = c_str(key);
    Agedge_t* e = agedge(g, tail, head, key.empty() ? nullptr : k.data(), 1);
    if (!e) throw RenderError("graphviz: cannot create edge");
    return e;
}

Agraph_t* subgraph(Agraph_t* g, const std::string& name) {
    auto n = c_str(name);
    Agraph_t* s = agsubg(g, n.data(), 1);
    if (!s) throw RenderError("graphviz: cannot create subgraph " + name);
    return s;
}

std::string write_dot(Agraph_t* g) {
    std::string out;
    Agiodisc_t* saved = g->clos->disc.io;
    g->clos->disc.io = &string_io;
    const int rc = agwrite(g, &out);
    g->clos->disc.io = saved;
    if (rc != 0) throw RenderError("graphviz: cannot write DOT: " + take_messages());
    return out;
}

std::string render(GVC_t* gvc, Agraph_t* g, const std::string& engine, const std::string& format) {
    take_messages();
    if (gvLayout(gvc, g, engine.c_str()) != 0)
        throw RenderError("graphviz: layout with " + engine + " failed: " + take_messages());
    struct FreeLayout {
        GVC_t* c;
        Agraph_t* g;
        ~FreeLayout() { gvFreeLayout(c, g); }
    } guard{gvc, g};
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, g, format.c_str(), &data, &length);
    std::unique_ptr<char, decltype(&gvFreeRenderData)> owned(data, &gvFreeRenderData);
    if (rc != 0 || !data)
        throw RenderError("graphviz: rendering " + format + " failed: " + take_messages());
    return std::string(data, length);
}

}  // namespace regionet::gv
