#!/bin/sh
# End-to-end check of the offline explorer (`regionet explore`) in headless
# Chromium, on nl-2016 (the default data) and on the hostile-names fixture:
# the page's own self-test (opened with #selftest) clicks the municipality
# with the most memberships, checks that partners are highlighted and its
# profile shown, filters by a domain, searches a name without its diacritics,
# and writes the outcome into <body data-selftest>, read here with --dump-dom.
# Fails on console errors and on any http(s) reference in the page. Saves a
# screenshot (WORK/<case>/screenshot.png).
#
# usage: explorer_check.sh REGIONET DATA_DIR TESTS_DIR WORK
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

browse() {
    profile=$(mktemp -d "$WORK/profile-XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --no-first-run --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
    rc=$?
    rm -rf "$profile"
    return $rc
}

check() {
    name=$1
    bundle=$2
    shot=${3:-#selftest}  # the state the screenshot shows
    mkdir -p "$WORK/$name"
    "$REGIONET" --db "$WORK/$name/r.db" --quiet import "$bundle" --as "$name" || { fail "$name: import failed"; return; }
    "$REGIONET" --db "$WORK/$name/r.db" --dataset "$name" --quiet explore --out "$WORK/$name/out" ||
        { fail "$name: regionet explore failed"; return; }
    html=$WORK/$name/out/explorer.html
    [ -s "$html" ] || { fail "$name: no explorer.html"; return; }
    if grep -o -E '(src|href)="https?:[^"]*"' "$html" | grep -v 'www.w3.org' >/dev/null; then
        fail "$name: the page refers to the network"
    fi
    browse --virtual-time-budget=8000 --dump-dom "file://$html#selftest" >"$WORK/$name/dom.html" \
        2>"$WORK/$name/console.log" || fail "$name: chromium --dump-dom failed"
    dom=$WORK/$name/dom.html
    grep -q 'data-ready="1"' "$dom" || fail "$name: the page's script did not finish"
    result=$(grep -o 'data-selftest="[^"]*"' "$dom" | head -1)
    [ "$result" = 'data-selftest="ok"' ] || fail "$name: self-test: ${result:-missing}"
    echo "$name: $(grep -o 'data-selftest-[a-z]*="[^"]*"' "$dom" | tr '\n' ' ')"
    if grep -E 'CONSOLE|Uncaught' "$WORK/$name/console.log" | grep -v 'dbus' >/dev/null; then
        fail "$name: console messages:"
        grep -E 'CONSOLE|Uncaught' "$WORK/$name/console.log"
    fi
    browse --window-size=1400,1000 --hide-scrollbars --virtual-time-budget=8000 \
        --screenshot="$WORK/$name/screenshot.png" "file://$html$shot" >/dev/null 2>>"$WORK/$name/console.log" ||
        fail "$name: screenshot failed"
    size=$(wc -c <"$WORK/$name/screenshot.png" 2>/dev/null || echo 0)
    [ "$size" -gt 20000 ] || fail "$name: screenshot too small ($size bytes)"
}

check nl-2016 "$DATA/nl-2016" "#m=GM0363"  # Amsterdam chosen: the picture in README
check hostile "$TESTS/fixtures/bundle/hostile"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "ok: the explorer works offline; screenshots in $WORK/*/screenshot.png"
