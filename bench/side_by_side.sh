#!/usr/bin/env bash
# regionet's CLI against python-igraph on the same generated data (issue 16);
# prints one Markdown table, wall seconds and peak MB per step.
#
#   bench/side_by_side.sh [BUILD_DIR] [SCALE...]      (default: build, scale de)
#
# Scales: nl, de (11,000 municipalities / 48,000 arrangements / 276,000
# memberships), eu (100,000 / 400,000 / 2.5 million: minutes and several GB).
# Needs BUILD_DIR/regionet and BUILD_DIR/regionet_bench, and Debian's
# python3-igraph under /usr/bin/python3 (used only here, never by the build or
# the tests). For each scale:
#   1. regionet_bench generate SCALE writes a CSV bundle;
#   2. regionet import times it into a new database;
#   3. each pass runs as its own CLI command on the stored dataset, as a user
#      runs them: overlap, load, centrality --no-betweenness --no-harmonic,
#      communities (each loads the dataset, computes, stores its result tables);
#   4. regionet analyse runs the same four passes in one process (if built);
#   5. bench/igraph_side.py does the same work with python-igraph from the CSV
#      files (CSV in, bipartite graph, projections, overlap with redundancy
#      flags, load, degree, strength, eigenvector, PageRank, Louvain);
#   6. each pass of step 3 runs once more, untimed, and must print the same
#      bytes (md5 sums); a difference is reported and the script exits with 1.
# With REGIONET_BENCH_NO_PYTHON=1 step 5 is left out (eu's python side takes 15
# minutes and 11 GB; it does not change with regionet's code).
# Times from /usr/bin/time -f '%e %M' (wall seconds, peak resident KiB); wall
# time depends on what else the machine runs. "passes" sums the four separate
# commands' wall times and gives their largest peak.
set -euo pipefail
build=${1:-build}
shift || true
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(de)
here=$(cd "$(dirname "$0")" && pwd)
regionet="$build/regionet"
bench="$build/regionet_bench"
python=/usr/bin/python3
weights="$here/../data/weights.toml"
for x in "$regionet" "$bench"; do
    [ -x "$x" ] || { echo "side_by_side.sh: $x not built (cmake --build $build --target regionet regionet_bench)" >&2; exit 2; }
done
"$python" -c 'import igraph' 2>/dev/null || { echo "side_by_side.sh: $python lacks igraph (apt-get install python3-igraph)" >&2; exit 2; }
has_analyse=0
"$regionet" analyse --help > /dev/null 2>&1 && has_analyse=1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# timed NAME CMD...: runs CMD, sets wall_NAME and mb_NAME and keeps the md5 sum of
# its output in $tmp/NAME.md5 (md5sum reads the pipe on the other core).
timed() {
    local name=$1
    shift
    /usr/bin/time -f '%e %M' -o "$tmp/time.txt" "$@" | md5sum > "$tmp/$name.md5"
    local wall kb
    read -r wall kb < "$tmp/time.txt"
    printf -v "wall_$name" '%s' "$wall"
    printf -v "mb_$name" '%.0f' "$(echo "$kb / 1024" | bc -l)"
}

pass_names=(overlap load centrality communities)
declare -A pass_args=(
    [overlap]="overlap --format csv"
    [load]="load --format csv"
    [centrality]="centrality --no-betweenness --no-harmonic --format csv"
    [communities]="communities --format csv --table communities"
)
differs=0

echo "| scale | municipalities / arrangements / memberships | regionet import | overlap | load | centrality (no betweenness) | communities | regionet passes (separate commands) | regionet analyse | python-igraph, all of it |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for scale in "${scales[@]}"; do
    bundle="$tmp/bench-$scale"
    db="$tmp/$scale.db"
    read -r _ m _ a _ ms _ < <("$bench" generate "$scale" "$bundle" | sed 's/[:,]//g')
    rm -f "$db" "$db-wal" "$db-shm"
    timed import "$regionet" --db "$db" --quiet import "$bundle" --as "bench-$scale"
    for name in "${pass_names[@]}"; do
        # shellcheck disable=SC2086 # the arguments are split on purpose
        timed "$name" "$regionet" --db "$db" --quiet ${pass_args[$name]}
    done
    passes=$(echo "$wall_overlap + $wall_load + $wall_centrality + $wall_communities" | bc)
    passes_mb=$(printf '%s\n' "$mb_overlap" "$mb_load" "$mb_centrality" "$mb_communities" | sort -n | tail -1)
    analyse="not built"
    if [ $has_analyse = 1 ]; then
        timed analyse "$regionet" --db "$db" --quiet analyse
        analyse="$wall_analyse s, $mb_analyse MB"
    fi
    if [ "${REGIONET_BENCH_NO_PYTHON:-0}" = 1 ]; then
        python_cell="not run"
    else
        timed python "$python" "$here/igraph_side.py" "$bundle" "$weights"
        python_cell="$wall_python s, $mb_python MB"
    fi
    printf '| %s | %s / %s / %s | %s s, %s MB | %s s | %s s | %s s | %s s | %s s, %s MB | %s | %s |\n' \
        "$scale" "$m" "$a" "$ms" "$wall_import" "$mb_import" "$wall_overlap" "$wall_load" "$wall_centrality" \
        "$wall_communities" "$passes" "$passes_mb" "$analyse" "$python_cell"
    # Output is deterministic: a second run of each pass gives the same bytes
    # (PageRank did not, through igraph's OpenMP loops, until the eleventh round).
    for name in "${pass_names[@]}"; do
        # shellcheck disable=SC2086
        second=$("$regionet" --db "$db" --quiet ${pass_args[$name]} | md5sum)
        if [ "$second" != "$(cat "$tmp/$name.md5")" ]; then
            echo "side_by_side.sh: $scale: $name gave different output in a second run" >&2
            differs=1
        fi
    done
    rm -rf "$bundle" "$db" "$db-wal" "$db-shm"
done
if [ $differs = 1 ]; then
    exit 1
fi
echo "side_by_side.sh: a second run of each pass gave the same bytes" >&2
