#!/bin/sh
# End-to-end check of the board report in a real browser: makes the report on
# the seed data and on the hostile-names fixture, opens each in headless
# Chromium, and fails on any script error or console error, on tables or
# drawings that are not visible, or on a script element that came from data.
# Takes screenshots (kept in WORK for people to look at) and prints a PDF.
#
# usage: chromium_check.sh REGIONET DATA_DIR TESTS_DIR WORK
# exit 77 (skipped) when no Chromium is installed.
set -u
REGIONET=$1
DATA=$2
TESTS=$3
WORK=$4

CHROMIUM=
for c in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$(command -v "$c"); break; fi
done
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: no chromium on PATH (apt-get install chromium)"
    exit 77
fi

rm -rf "$WORK"
mkdir -p "$WORK"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Runs headless Chromium in a fresh profile; extra arguments follow.
browse() {
    profile=$(mktemp -d "$WORK/profile-XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --no-first-run --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
    rc=$?
    rm -rf "$profile"
    return $rc
}

check_report() {
    name=$1
    out=$WORK/$name/out
    html=$out/report.html
    [ -s "$html" ] || { fail "$name: no report.html"; return; }
    url="file://$html"

    browse --virtual-time-budget=5000 --dump-dom "$url" >"$WORK/$name/dom.html" 2>"$WORK/$name/console.log" ||
        fail "$name: chromium --dump-dom failed"
    dom=$WORK/$name/dom.html
    grep -q 'data-js-ready="1"' "$dom" || fail "$name: the report's script did not finish (data-js-ready missing)"
    grep -q 'data-js-errors="0"' "$dom" || fail "$name: script errors: $(grep -o 'data-js-errors="[0-9]*"' "$dom")"
    if grep -E 'CONSOLE|Uncaught' "$WORK/$name/console.log" | grep -v 'dbus' >/dev/null; then
        fail "$name: console messages:"
        grep -E 'CONSOLE|Uncaught' "$WORK/$name/console.log"
    fi
    tables=$(grep -o 'data-tables="[0-9]*/[0-9]*"' "$dom" | head -1 | sed 's/.*="\(.*\)"/\1/')
    figures=$(grep -o 'data-figures="[0-9]*/[0-9]*"' "$dom" | head -1 | sed 's/.*="\(.*\)"/\1/')
    total=${tables%/*}; visible=${tables#*/}
    [ -n "$tables" ] && [ "$total" -gt 0 ] && [ "$total" = "$visible" ] || fail "$name: tables visible/total wrong: $tables"
    total=${figures%/*}; visible=${figures#*/}
    [ -n "$figures" ] && [ "$total" -gt 0 ] && [ "$total" = "$visible" ] || fail "$name: figures visible/total wrong: $figures"
    grep -q 'class="sort"' "$dom" || fail "$name: column sort buttons missing"
    scripts=$(grep -o '<script' "$dom" | wc -l)
    [ "$scripts" -eq 3 ] || fail "$name: $scripts script elements (expected the report's own 3)"

    browse --window-size=1280,2000 --hide-scrollbars --screenshot="$WORK/$name/screenshot.png" "$url" \
        >/dev/null 2>>"$WORK/$name/console.log" || fail "$name: screenshot failed"
    size=$(wc -c <"$WORK/$name/screenshot.png" 2>/dev/null || echo 0)
    [ "$size" -gt 20000 ] || fail "$name: screenshot too small ($size bytes)"
}

run_case() {
    name=$1
    bundle=$2
    shift 2
    mkdir -p "$WORK/$name"
    "$REGIONET" --db "$WORK/$name/r.db" --quiet import "$bundle" --as case || { fail "$name: import failed"; return; }
    "$REGIONET" --db "$WORK/$name/r.db" --dataset case report --out "$WORK/$name/out" "$@" >/dev/null ||
        { fail "$name: regionet report failed"; return; }
    check_report "$name"
}

run_case seed "$DATA/ambtelijke-fusies" --pdf
head -c 5 "$WORK/seed/out/report.pdf" 2>/dev/null | grep -q '%PDF-' || fail "seed: --pdf wrote no PDF"
run_case hostile "$TESTS/fixtures/bundle/hostile" --lang en
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$WORK/hostile/dom.html" || fail "hostile: the script-like name is not shown as text"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s); output in $WORK"
    exit 1
fi
echo "ok: reports open without errors; screenshots in $WORK/*/screenshot.png"
exit 0
