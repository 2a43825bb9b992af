#!/usr/bin/env bash
# Benchmarks of the analysis passes on generated data; prints a Markdown table.
#
#   bench/run.sh [BUILD_DIR] [SCALE...]      (default: build, scales nl de)
#
# Scales: nl, de, eu (generated), import (a generated 100,000-membership bundle),
# real (the ten 2024 CBS boundary files of ../shared/data/real, as
# scripts/build-nl-2024 imports them; target < 3 s CPU), roo (the ROO register's
# 2,252 YAML files of ../shared/data/real/roo, target < 1 s; and `regionet report`
# on nl-2026 from an empty database, target < 3 s).
#
# Needs `make -C BUILD_DIR regionet regionet_bench`. Each pass runs in its own
# process on data generated in memory (regionet_bench run SCALE PASS), so peak
# memory is per pass; it includes the generated dataset (base column). The
# import row writes a bundle of about 100,000 memberships and times
# `regionet import` on it with /usr/bin/time. Wall time depends on what else
# the machine runs; CPU time (all threads) is the steadier figure.
set -euo pipefail
build=${1:-build}
shift || true
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(nl de)
bench="$build/regionet_bench"
regionet="$build/regionet"
[ -x "$bench" ] || { echo "run.sh: $bench not built (make -C $build regionet_bench)" >&2; exit 2; }

echo "| scale | pass | municipalities | arrangements | memberships | wall s | cpu s | base MB | peak MB | result |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
row() {  # scale pass municipalities arrangements memberships gen wall cpu base peak summary
    printf '| %s | %s | %s | %s | %s | %.3f | %.3f | %.0f | %.0f | %s |\n' "$1" "$2" "$3" "$4" "$5" "$7" "$8" "$9" "${10}" "${11}"
}
for scale in "${scales[@]}"; do
    case "$scale" in
        nl) passes="projection overlap load centrality_fast betweenness harmonic communities all" ;;
        de) passes="projection overlap load centrality_fast communities betweenness harmonic" ;;
        eu) passes="projection:100 overlap load centrality_fast communities:100" ;;
        import|real|roo) passes="" ;;
        *) echo "run.sh: unknown scale $scale" >&2; exit 2 ;;
    esac
    for spec in $passes; do
        # pass:N runs the pass with arrangements of more than N members dropped first.
        pass=${spec%%:*}
        extra=()
        [ "$spec" != "$pass" ] && extra=(--exclude-larger-than "${spec#*:}")
        IFS=$'\t' read -r -a f < <("$bench" run "$scale" "$pass" "${extra[@]}")
        row "${f[@]}"
    done
    if [ "$scale" = import ] || [ "$scale" = nl ]; then
        [ -x "$regionet" ] || continue
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
        "$bench" generate import "$tmp/bench-import" > "$tmp/gen.txt"
        read -r _ m _ a _ ms _ < <(sed 's/[:,]//g' "$tmp/gen.txt")
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$regionet" --db "$tmp/bench.db" -q import "$tmp/bench-import" > /dev/null
        read -r wall user sys rss < "$tmp/time.txt"
        printf '| import | regionet import (bundle, new database) | %s | %s | %s | %.3f | %.3f | | %.0f | |\n' \
            "$m" "$a" "$ms" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
        rm -rf "$tmp"
        trap - EXIT
    fi
    if [ "$scale" = real ]; then
        [ -x "$regionet" ] || continue
        carto=$(dirname "$0")/../../shared/data/real/cartomap
        real=$(dirname "$0")/../../shared/data/real
        tmp=$(mktemp -d)
        args=()
        for d in veiligheidsregio ggdregio arbeidsmarktregio jeugdregio coropgebied regionale_energiestrategie zorgkantoorregio regionale_eenheid; do
            args+=(--division "$d=$carto/${d}_2024.topojson")
        done
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$regionet" --db "$tmp/nl.db" --quiet import-boundaries \
            "$carto/gemeente_2024.topojson" --province-file "$carto/provincie_2024.topojson" "${args[@]}" \
            --population "$real/cbs/population_2024.csv" --as nl-2024 --outline-tolerance 0 > /dev/null
        read -r wall user sys rss < "$tmp/time.txt"
        printf '| real | import-boundaries nl-2024 (ten TopoJSON files) | 342 | | | %.3f | %.3f | | %.0f | |\n' \
            "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
        rm -rf "$tmp"
    fi
    if [ "$scale" = roo ]; then
        [ -x "$regionet" ] || continue
        real=$(dirname "$0")/../../shared/data/real
        data=$(cd "$(dirname "$0")/../data" && pwd)
        tmp=$(mktemp -d)
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$regionet" --db "$tmp/roo.db" --quiet import "$real/roo" > /dev/null
        read -r wall user sys rss < "$tmp/time.txt"
        printf '| roo | import the ROO register (2,252 YAML files) | 342 | 549 | | %.3f | %.3f | | %.0f | |\n' \
            "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
        # The whole report from an empty database: imports data/defaults.txt (nl-2026 first), every pass, the maps.
        # (It runs in $tmp, so the binary by its absolute path.)
        regionet_abs=$(cd "$(dirname "$regionet")" && pwd)/$(basename "$regionet")
        (cd "$tmp" && REGIONET_DATA=$data /usr/bin/time -f '%e %U %S %M' -o "$tmp/time.txt" "$regionet_abs" --db "$tmp/r.db" \
            --quiet report --out "$tmp/report" > /dev/null)
        read -r wall user sys rss < "$tmp/time.txt"
        printf '| roo | regionet report, empty database (nl-2026 default) | 342 | | | %.3f | %.3f | | %.0f | |\n' \
            "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
        rm -rf "$tmp"
    fi
done
