#!/usr/bin/python3
"""The python-igraph side of bench/side_by_side.sh: the work of regionet's
overlap, load, centrality (no betweenness) and communities commands, written
the way people write it with python-igraph, on a bundle from
`regionet_bench generate SCALE DIR`.

    /usr/bin/python3 bench/igraph_side.py BUNDLE_DIR WEIGHTS_TOML

Steps as regionet takes them: CSV in; what counts as cooperation (regions of
divisions, second registrations and arrangements ended by the reference year
left out); the bipartite graph and its two projections (multiplicity = shared
members / shared arrangements); overlap of arrangements with Jaccard, overlap
coefficient, nested / same domain / identical / redundancy flags and the
members that differ for redundancy candidates (pairs with Jaccard >= 0.5);
load per municipality and per arrangement; degree, strength, eigenvector
centrality and PageRank on the municipality projection without arrangements of
more than 100 members; Louvain (multilevel) on the projection of all counted
arrangements. Prints one line of counts so nothing is optimised away.

Needs Debian's python3-igraph (0.10.x) under /usr/bin/python3. Used only by
the benchmark, never by the build or the tests.
"""
import csv
import sys
import tomllib

import igraph as ig


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    bundle, weights_file = sys.argv[1], sys.argv[2]
    with open(weights_file, "rb") as f:
        weights = tomllib.load(f)
    info = read(f"{bundle}/dataset.csv")[0]
    municipalities = read(f"{bundle}/municipalities.csv")
    arrangements = read(f"{bundle}/arrangements.csv")
    memberships = read(f"{bundle}/memberships.csv")

    ref = info.get("reference_date", "")[:4]
    ref_year = int(ref) if ref.isdigit() else None

    def counted(a):
        if a.get("division"):
            return False
        if a.get("duplicate_of"):
            return False
        if ref_year is not None and a.get("end_year") and int(a["end_year"]) <= ref_year:
            return False
        return True

    arrangements = [a for a in arrangements if counted(a)]
    m_index = {m["code"]: i for i, m in enumerate(municipalities)}
    a_index = {a["id"]: i for i, a in enumerate(arrangements)}
    nm, na = len(municipalities), len(arrangements)
    edges, kept = [], []
    for s in memberships:
        a = a_index.get(s["arrangement_id"])
        if a is None:
            continue
        edges.append((m_index[s["municipality_code"]], nm + a))
        kept.append(s)

    # Bipartite graph, both projections (multiplicity -> edge attribute "weight").
    g = ig.Graph(n=nm + na, edges=edges)
    g.vs["type"] = [False] * nm + [True] * na
    g.vs["name"] = [m["code"] for m in municipalities] + [a["id"] for a in arrangements]
    muni_all, arr_proj = g.bipartite_projection(multiplicity=True)

    # Overlap: pairs of arrangements sharing members.
    sizes = g.degree(range(nm, nm + na))
    overlap_rows = []
    candidates = 0
    for e in arr_proj.es:
        a, b = e.tuple
        shared = e["weight"]
        sa, sb = sizes[a], sizes[b]
        jaccard = shared / (sa + sb - shared)
        if jaccard < 0.5:
            continue
        da, db = arrangements[a].get("domain", "").lower(), arrangements[b].get("domain", "").lower()
        same_domain = da != "" and da == db
        redundancy = same_domain and jaccard >= 0.8
        row = {
            "a": arrangements[a]["id"], "b": arrangements[b]["id"], "shared": shared, "size_a": sa, "size_b": sb,
            "jaccard": jaccard, "overlap_coefficient": shared / min(sa, sb),
            "nested": shared == min(sa, sb) and sa != sb, "same_domain": same_domain,
            "redundancy_candidate": redundancy, "identical": shared == sa == sb,
            "two_member_pair": sa == 2 and sb == 2,
        }
        if redundancy:
            candidates += 1
            ma = set(g.neighbors(nm + a))
            mb = set(g.neighbors(nm + b))
            row["only_in_a"] = sorted(g.vs[v]["name"] for v in ma - mb)
            row["only_in_b"] = sorted(g.vs[v]["name"] for v in mb - ma)
        overlap_rows.append(row)
    overlap_rows.sort(key=lambda r: (-r["jaccard"], -r["shared"], r["a"], r["b"]))

    # Load per municipality and per arrangement.
    forms = weights.get("forms", {})
    roles = weights.get("roles", {})
    board = weights.get("board", {})
    per_seat = float(board.get("meetings_per_seat", 0))
    unknown_seats = float(board.get("unknown_seats", 0))
    load = [0.0] * nm
    seats = [0] * nm
    hosts = [0] * nm
    for s in kept:
        m = m_index[s["municipality_code"]]
        a = arrangements[a_index[s["arrangement_id"]]]
        form = a.get("form", "")
        meetings = 0.0 if form == "regional_division" else float(forms.get(form, forms.get("default", 4)))
        role = s.get("role") or "member"
        seat = int(s["board_seats"]) if s.get("board_seats") else None
        load[m] += meetings * float(roles.get(role, 1.0)) + per_seat * (seat if seat is not None else unknown_seats)
        seats[m] += seat or 0
        hosts[m] += role == "host"
    load_rank = sorted(range(nm), key=lambda i: (-load[i], municipalities[i]["code"]))
    coordination = [n * (n - 1) // 2 for n in sizes]

    # Centrality on the municipality projection without arrangements of more than 100 members.
    big = [nm + i for i in range(na) if sizes[i] > 100]
    small = g.copy()
    small.delete_vertices(big)
    muni = small.bipartite_projection(multiplicity=True, which=False)
    w = muni.es["weight"]
    degree = muni.degree()
    strength = muni.strength(weights=w)
    eigenvector = muni.eigenvector_centrality(weights=w, scale=True)
    pagerank = muni.pagerank(weights=w, damping=0.85)

    # Louvain on the projection of every counted arrangement.
    clusters = muni_all.community_multilevel(weights=muni_all.es["weight"])
    modularity = clusters.modularity

    print(f"overlap {len(overlap_rows)} pairs ({candidates} redundancy candidates); load top {municipalities[load_rank[0]]['code']}, "
          f"coordination pairs {sum(coordination)}; centrality {muni.ecount()} edges, max degree {max(degree)}, "
          f"max strength {max(strength):g}, max eigenvector {max(eigenvector):.3f}, pagerank sum {sum(pagerank):.3f}; "
          f"louvain {len(clusters)} communities, modularity {modularity:.4f}")


if __name__ == "__main__":
    main()
