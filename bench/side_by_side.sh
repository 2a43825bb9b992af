#!/usr/bin/env bash
# regionet's CLI against a python-igraph script doing the same work, on the
# same generated bundle; prints a Markdown table (wall s, CPU s = user+sys,
# peak RSS MB, from /usr/bin/time).
#
#   bench/side_by_side.sh [BUILD_DIR] [SCALE...]     (default: build, de)
#
# regionet side: `import` into a new database, then each pass as its own
# command on the stored dataset (overlap, load, centrality --no-betweenness
# --no-harmonic, communities), then `analyse` (all four in one process).
# python side: bench/igraph_side.py (python3-igraph; benchmark only).
# Needs `cmake --build BUILD_DIR --target regionet regionet_bench`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
shift || true
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(de)
regionet=$(cd "$build" && pwd)/regionet
bench="$build/regionet_bench"
weights="$here/../data/weights.toml"
for x in "$regionet" "$bench"; do [ -x "$x" ] || { echo "side_by_side.sh: $x not built" >&2; exit 2; }; done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timed() {  # label command... -> one table row
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt" ||
        { echo "side_by_side.sh: $label failed:" >&2; cat "$tmp/err.txt" >&2; exit 1; }
    read -r wall user sys rss < "$tmp/time.txt"
    printf '| %s | %s | %.2f | %.2f | %.0f |\n' "$scale" "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}
echo "| scale | step | wall s | CPU s | peak MB |"
echo "|---|---|---:|---:|---:|"
for scale in "${scales[@]}"; do
    "$bench" generate "$scale" "$tmp/bench-$scale" > /dev/null
    db="$tmp/$scale.db"
    r=("$regionet" --db "$db" -q)
    timed "regionet import" "${r[@]}" import "$tmp/bench-$scale"
    timed "regionet overlap" "${r[@]}" overlap --format csv --out "$tmp/overlap.csv"
    timed "regionet load" "${r[@]}" load --format csv --out "$tmp/load.csv"
    timed "regionet centrality (no betweenness)" "${r[@]}" centrality --no-betweenness --no-harmonic --format csv --out "$tmp/c.csv"
    timed "regionet communities" "${r[@]}" communities --format csv --out "$tmp/k.csv"
    timed "regionet analyse (all four, one process)" "${r[@]}" analyse --format csv --out "$tmp/a.csv"
    timed "python-igraph, all of it" /usr/bin/python3 "$here/igraph_side.py" "$tmp/bench-$scale" "$weights"
    sed 's/^/    /' "$tmp/out.txt" >&2
    rm -rf "$tmp/bench-$scale" "$db" "$db"-*
done
