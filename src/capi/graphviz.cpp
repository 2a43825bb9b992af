#include "capi/graphviz.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

// ---- Binding Graphviz's layout plugins to their own functions --------------
//
// Graphviz 2.42 dlopens its layout plugins after start-up. A dlopened library
// looks a symbol up in the process's global scope first (the executable and
// everything it was linked with), and only then in itself. regionet links GDAL,
// which brings librttopo, which exports a function `normalize`; so does the
// neato plugin (its own rotation of a layout, called from overlap removal). The
// plugin's call to its own `normalize` was therefore bound to librttopo's
// (LD_DEBUG=bindings shows it): overlap removal silently did nothing, and fdp
// crashed in agclose on some graphs.
//
// The fix is what `-Bsymbolic` would have done had the plugin been linked with
// it: before gvc uses a layout plugin we load it ourselves and point every
// call slot (JUMP_SLOT / GLOB_DAT relocation) whose function the plugin itself
// defines at the plugin's own definition. librttopo keeps its own binding (it
// is BIND_NOW and was bound at start-up), nothing is preloaded, and it works
// under ASan and valgrind (RTLD_DEEPBIND, the other way to get local binding,
// is refused by the sanitizer runtime). Other plugins (core, pango) define no
// symbol that any library of regionet's process also defines (checked with nm
// over `ldd regionet`), so only the layout plugins are bound.

#if defined(__x86_64__)
constexpr unsigned k_jump_slot = R_X86_64_JUMP_SLOT;
constexpr unsigned k_glob_dat = R_X86_64_GLOB_DAT;
#elif defined(__aarch64__)
constexpr unsigned k_jump_slot = R_AARCH64_JUMP_SLOT;
constexpr unsigned k_glob_dat = R_AARCH64_GLOB_DAT;
#else
#error "bind_locally() knows the relocation types of x86-64 and AArch64 only"
#endif

struct RelroRange {
    ElfW(Addr) base = 0;
    std::uintptr_t begin = 0, end = 0;  // read-only after relocation (GNU_RELRO)
};

int find_relro(dl_phdr_info* info, std::size_t, void* data) {
    auto* r = static_cast<RelroRange*>(data);
    if (info->dlpi_addr != r->base) return 0;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i)
        if (info->dlpi_phdr[i].p_type == PT_GNU_RELRO) {
            r->begin = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
            r->end = r->begin + info->dlpi_phdr[i].p_memsz;
        }
    return 1;
}

// Writes one slot; slots inside GNU_RELRO are made writable for the write.
void write_slot(void** slot, void* target, const RelroRange& relro) {
    const auto at = reinterpret_cast<std::uintptr_t>(slot);
    if (at < relro.begin || at >= relro.end) {
        *slot = target;
        return;
    }
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    void* first = reinterpret_cast<void*>(at & ~(page - 1));
    if (mprotect(first, page, PROT_READ | PROT_WRITE) != 0)
        throw RenderError("graphviz: cannot bind layout plugin locally (mprotect failed)");
    *slot = target;
    mprotect(first, page, PROT_READ);
}

// Calls f(symbol name, symbol, slot) for every JUMP_SLOT / GLOB_DAT
// relocation of a loaded library; returns the library's load address.
template <typename F>
ElfW(Addr) for_each_slot(void* handle, F&& f) {
    link_map* map = nullptr;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || !map)
        throw RenderError("graphviz: cannot inspect layout plugin: " + std::string(dlerror()));
    const ElfW(Addr) base = map->l_addr;
    // glibc relocates the address entries of a writable .dynamic in place;
    // values below the load address are still relative.
    auto address = [base](ElfW(Addr) p) { return p < base ? p + base : p; };
    const ElfW(Sym)* symbols = nullptr;
    const char* strings = nullptr;
    const ElfW(Rela)* plt = nullptr;
    const ElfW(Rela)* rela = nullptr;
    std::size_t plt_bytes = 0, rela_bytes = 0;
    bool plt_is_rela = true;
    for (const ElfW(Dyn)* d = map->l_ld; d->d_tag != DT_NULL; ++d) {
        switch (d->d_tag) {
            case DT_SYMTAB: symbols = reinterpret_cast<const ElfW(Sym)*>(address(d->d_un.d_ptr)); break;
            case DT_STRTAB: strings = reinterpret_cast<const char*>(address(d->d_un.d_ptr)); break;
            case DT_JMPREL: plt = reinterpret_cast<const ElfW(Rela)*>(address(d->d_un.d_ptr)); break;
            case DT_PLTRELSZ: plt_bytes = d->d_un.d_val; break;
            case DT_PLTREL: plt_is_rela = d->d_un.d_val == DT_RELA; break;
            case DT_RELA: rela = reinterpret_cast<const ElfW(Rela)*>(address(d->d_un.d_ptr)); break;
            case DT_RELASZ: rela_bytes = d->d_un.d_val; break;
            default: break;
        }
    }
    if (!symbols || !strings || !plt_is_rela) throw RenderError("graphviz: layout plugin has an unexpected ELF layout");
    auto visit = [&](const ElfW(Rela)* table, std::size_t bytes) {
        if (!table) return;
        for (std::size_t i = 0; i < bytes / sizeof(ElfW(Rela)); ++i) {
            const auto type = ELF64_R_TYPE(table[i].r_info);
            if (type != k_jump_slot && type != k_glob_dat) continue;
            const ElfW(Sym)& sym = symbols[ELF64_R_SYM(table[i].r_info)];
            f(std::string_view(strings + sym.st_name), sym, reinterpret_cast<void**>(base + table[i].r_offset));
        }
    };
    visit(plt, plt_bytes);
    visit(rela, rela_bytes);
    return base;
}

// Points the library's calls of functions it defines itself at its own
// definitions; returns how many slots were changed.
std::size_t bind_locally(void* handle) {
    link_map* map = nullptr;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &map) != 0 || !map)
        throw RenderError("graphviz: cannot inspect layout plugin: " + std::string(dlerror()));
    RelroRange relro{map->l_addr};
    dl_iterate_phdr(&find_relro, &relro);
    std::size_t changed = 0;
    for_each_slot(handle, [&](std::string_view, const ElfW(Sym)& sym, void** slot) {
        if (sym.st_shndx == SHN_UNDEF || ELF64_ST_TYPE(sym.st_info) != STT_FUNC) return;
        void* own = reinterpret_cast<void*>(map->l_addr + sym.st_value);
        if (*slot == own) return;
        write_slot(slot, own, relro);
        ++changed;
    });
    return changed;
}

// The folder gvc loads plugins from: $GVBINDIR, else "graphviz" beside libgvc
// (what gvconfig does).
std::string plugin_folder() {
    if (const char* env = std::getenv("GVBINDIR"); env && *env) return env;
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&gvContext), &info) == 0 || !info.dli_fname)
        throw RenderError("graphviz: cannot find libgvc's folder");
    std::string path = info.dli_fname;
    return path.substr(0, path.rfind('/')) + "/graphviz";
}

// Loads the layout plugins (never unloaded: gvc holds them for the process
// lifetime too) and binds them locally, before gvc first lays out.
void load_layout_plugins() {
    const std::string folder = plugin_folder();
    for (const char* name : {"libgvplugin_neato_layout.so.6", "libgvplugin_dot_layout.so.6"}) {
        const std::string path = folder + "/" + name;
        void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
        if (!handle) throw RenderError("graphviz: cannot load layout plugin " + path + ": " + dlerror());
        bind_locally(handle);
    }
}

}  // namespace

std::string binding_of(const std::string& library, const std::string& symbol) {
    void* handle = dlopen(library.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (!handle) return {};
    std::string file;
    for_each_slot(handle, [&](std::string_view name, const ElfW(Sym)&, void** slot) {
        Dl_info info{};
        if (name == symbol && dladdr(*slot, &info) && info.dli_fname) file = info.dli_fname;
    });
    dlclose(handle);
    return file;
}

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
    static const bool bound = (load_layout_plugins(), true);
    (void)bound;
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
