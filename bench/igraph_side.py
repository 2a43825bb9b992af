#!/usr/bin/python3
"""The python-igraph side of bench/side_by_side.sh: the work of
`regionet import` + overlap + load + centrality (no betweenness) + communities,
written as a python-igraph user would write it (CSV in, bipartite graph,
projections with multiplicity, then igraph's measures).

    /usr/bin/python3 bench/igraph_side.py BUNDLE_DIR   (Debian's python, which has python3-igraph) [WEIGHTS_TOML]

Used only by the benchmark (Debian's python3-igraph 0.10); never by the build
or the tests. Prints one line per step with its wall time and a checksum-like
summary so the two sides can be compared by eye.
"""
import csv
import sys
import time
import tomllib

import igraph as ig

t_start = time.perf_counter()
last = t_start


def step(what, summary=""):
    global last
    now = time.perf_counter()
    print(f"{what}\t{now - last:.3f}\t{summary}", flush=True)
    last = now


bundle = sys.argv[1]
weights_file = sys.argv[2] if len(sys.argv) > 2 else None

# --- CSV in -------------------------------------------------------------------
with open(f"{bundle}/municipalities.csv", newline="", encoding="utf-8") as f:
    municipalities = list(csv.DictReader(f))
with open(f"{bundle}/arrangements.csv", newline="", encoding="utf-8") as f:
    arrangements = list(csv.DictReader(f))
with open(f"{bundle}/memberships.csv", newline="", encoding="utf-8") as f:
    memberships = list(csv.DictReader(f))
codes = sorted(m["code"] for m in municipalities)
m_index = {c: i for i, c in enumerate(codes)}
arrangements.sort(key=lambda a: a["id"])
a_index = {a["id"]: i for i, a in enumerate(arrangements)}
M, A = len(codes), len(arrangements)
pairs = [(m_index[s["municipality_code"]], a_index[s["arrangement_id"]]) for s in memberships]
step("csv", f"{M} municipalities, {A} arrangements, {len(pairs)} memberships")

# --- bipartite graph and projections -----------------------------------------
size = [0] * A
for _, a in pairs:
    size[a] += 1


def projection(keep):
    """Municipality projection over the arrangements for which keep(a) holds, weight = shared."""
    edges = [(m, M + a) for m, a in pairs if keep(a)]
    g = ig.Graph.Bipartite([False] * M + [True] * A, edges)
    return g.bipartite_projection(multiplicity=True, which=0)


everything = ig.Graph.Bipartite([False] * M + [True] * A, [(m, M + a) for m, a in pairs])
mun_all, arr_proj = everything.bipartite_projection(multiplicity=True)
step("projections", f"{mun_all.ecount()} municipality pairs, {arr_proj.ecount()} arrangement pairs")

# --- overlap with redundancy flags (min Jaccard 0.5, redundancy 0.8) ----------
rows = []
shared = arr_proj.es["weight"]
for e, (a, b) in enumerate(arr_proj.get_edgelist()):
    s = shared[e]
    j = s / (size[a] + size[b] - s)
    if j < 0.5:
        continue
    da, db = arrangements[a]["domain"], arrangements[b]["domain"]
    same = da != "" and da.lower() == db.lower()
    rows.append((arrangements[a]["id"], arrangements[b]["id"], s, j, s / min(size[a], size[b]),
                 same, same and j >= 0.8, s == size[a] == size[b]))
rows.sort(key=lambda r: (-r[3], -r[2], r[0], r[1]))
step("overlap", f"{len(rows)} pairs, {sum(r[6] for r in rows)} redundancy candidates")

# --- load ---------------------------------------------------------------------
weights = {"forms": {"default": 4}, "roles": {"member": 1, "host": 2, "client": 0.5},
           "board": {"meetings_per_seat": 0, "unknown_seats": 0}}
if weights_file:
    with open(weights_file, "rb") as f:
        weights = tomllib.load(f)
forms, roles, board = weights["forms"], weights["roles"], weights.get("board", {})
per_seat = board.get("meetings_per_seat", 0)
unknown = board.get("unknown_seats", 0)
count = [0] * M
hosts = [0] * M
seats = [0] * M
wload = [0.0] * M
for s in memberships:
    i = m_index[s["municipality_code"]]
    a = arrangements[a_index[s["arrangement_id"]]]
    role = s.get("role") or "member"
    n_seats = int(s["board_seats"]) if s.get("board_seats") else None
    count[i] += 1
    hosts[i] += role == "host"
    seats[i] += n_seats or 0
    wload[i] += forms.get(a["form"], forms.get("default", 0)) * roles.get(role, 1) + \
        per_seat * (n_seats if n_seats is not None else unknown)
ranked = sorted(range(M), key=lambda i: (-wload[i], codes[i]))
step("load", f"heaviest {codes[ranked[0]]}")

# --- centrality: degree, strength, eigenvector, PageRank ---------------------
# As regionet: arrangements of more than 100 members left out of this network.
net = projection(lambda a: size[a] <= 100)
w = net.es["weight"]
degree = net.degree()
strength = net.strength(weights=w)
eigen = net.eigenvector_centrality(weights=w, scale=True)
pagerank = net.pagerank(weights=w, damping=0.85)
step("centrality", f"{net.ecount()} edges, max degree {max(degree)}, pagerank[0]={pagerank[0]:.6g}")

# --- communities: Louvain on ordinary arrangements (regions left out) --------
ordinary = [a["division"] == "" for a in arrangements]
cg = projection(lambda a: ordinary[a])
clusters = cg.community_multilevel(weights=cg.es["weight"])
step("communities", f"{len(clusters)} communities, modularity {clusters.modularity:.4f}")
print(f"total\t{time.perf_counter() - t_start:.3f}\t", flush=True)
