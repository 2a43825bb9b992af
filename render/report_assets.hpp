#pragma once
// The CSS and the little plain JavaScript inlined into report.html: no CDN,
// no network; the file opens offline from a USB stick.
#include <string_view>

namespace regionet::render::report::assets {

inline constexpr std::string_view css = R"CSS(
:root { --ink:#1b1f24; --muted:#59636e; --rule:#d0d7de; --accent:#14417a; --accent-soft:#e8eef7; --note:#8a5a00; --note-bg:#fff8e6; }
* { box-sizing:border-box; }
html { font-size:16px; }
body { margin:0; color:var(--ink); background:#fff; font-family:"Segoe UI","Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif; line-height:1.5; }
.page { max-width:64rem; margin:0 auto; padding:2.5rem 2rem 4rem; }
header.cover { border-bottom:3px solid var(--accent); padding-bottom:1.25rem; margin-bottom:2rem; }
header.cover h1 { font-size:2.1rem; line-height:1.2; margin:0 0 .35rem; color:var(--accent); letter-spacing:-.01em; }
header.cover .subtitle { font-size:1.15rem; color:var(--muted); margin:0 0 1rem; }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:.15rem 1.25rem; margin:0; font-size:.9rem; }
dl.meta dt { color:var(--muted); }
dl.meta dd { margin:0; }
nav.toc { background:var(--accent-soft); border-radius:6px; padding:1rem 1.5rem; margin-bottom:2.5rem; }
nav.toc h2 { font-size:1rem; margin:0 0 .4rem; border:0; padding:0; color:var(--accent); }
nav.toc ol { columns:2; column-gap:2.5rem; margin:0; padding-left:1.4rem; }
nav.toc li { margin:.1rem 0; break-inside:avoid; }
a { color:var(--accent); }
section.chapter { margin-top:2.75rem; }
h2 { font-size:1.55rem; color:var(--accent); border-bottom:1px solid var(--rule); padding-bottom:.3rem; margin:0 0 1rem; }
h3 { font-size:1.15rem; margin:1.75rem 0 .5rem; }
p { margin:.5rem 0 .9rem; max-width:46rem; }
ul, ol { max-width:46rem; }
li { margin:.25rem 0; }
.note { border-left:4px solid #d4a017; background:var(--note-bg); padding:.6rem 1rem; margin:1rem 0; max-width:46rem; }
.figures { display:grid; grid-template-columns:repeat(auto-fit,minmax(13rem,1fr)); gap:.75rem; margin:1rem 0 1.5rem; }
.figure-tile { border:1px solid var(--rule); border-radius:6px; padding:.8rem 1rem; }
.figure-tile .value { display:block; font-size:1.9rem; font-weight:600; color:var(--accent); font-variant-numeric:tabular-nums; line-height:1.15; }
.figure-tile .label { display:block; font-size:.88rem; color:var(--muted); }
figure.svg { margin:1.25rem 0 2rem; }
figure.svg .svg-wrap { border:1px solid var(--rule); border-radius:6px; padding:.5rem; overflow:auto; background:#fff; }
figure.svg svg { display:block; max-width:100%; height:auto; margin:0 auto; }
figcaption { font-size:.88rem; color:var(--muted); margin-top:.4rem; }
.table-tools { display:flex; gap:.75rem; align-items:center; margin:.75rem 0 .3rem; font-size:.88rem; color:var(--muted); }
.table-tools input { font:inherit; padding:.25rem .5rem; border:1px solid #8c959f; border-radius:4px; min-width:16rem; color:var(--ink); }
.table-wrap { overflow:auto; margin:.25rem 0 1.5rem; }
.table-wrap.long { max-height:32rem; border-bottom:1px solid var(--rule); }
table { border-collapse:collapse; font-size:.9rem; min-width:50%; }
caption { text-align:left; font-weight:600; padding:.25rem 0 .4rem; color:var(--ink); }
th, td { padding:.3rem .7rem; border-bottom:1px solid #e4e8ec; vertical-align:top; text-align:left; }
thead th { background:#f3f5f8; border-bottom:2px solid var(--rule); font-weight:600; vertical-align:bottom; position:sticky; top:0; }
tbody th { font-weight:500; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
tbody tr:hover { background:#f6f8fb; }
table.heat { font-size:.78rem; }
table.heat td { text-align:center; min-width:2.4rem; padding:.25rem .3rem; }
table.heat tbody th { white-space:nowrap; }
table.heat thead th { white-space:normal; }
th button.sort { all:unset; cursor:pointer; }
th button.sort:focus-visible { outline:2px solid var(--accent); }
th button.sort::after { content:"\2195"; color:#8c959f; margin-left:.3rem; font-size:.8em; }
th[aria-sort=ascending] button.sort::after { content:"\2191"; color:var(--accent); }
th[aria-sort=descending] button.sort::after { content:"\2193"; color:var(--accent); }
.profile { border-top:1px solid var(--rule); }
.profile h3 { margin-top:1.25rem; }
.legend { font-size:.85rem; color:var(--muted); }
#js-errors:empty { display:none; }
#js-errors { white-space:pre-wrap; color:#a40e26; }
footer { margin-top:3rem; font-size:.85rem; color:var(--muted); border-top:1px solid var(--rule); padding-top:.75rem; }
@media (max-width:40rem) { .page { padding:1.25rem 1rem; } nav.toc ol { columns:1; } }
@page { size:A4; margin:16mm 14mm 18mm; }
@media print {
  html { font-size:10.5pt; }
  .page { max-width:none; padding:0; }
  nav.toc { background:none; border:1px solid var(--rule); }
  section.chapter { break-before:page; margin-top:0; }
  h2, h3 { break-after:avoid; }
  .table-tools, th button.sort::after { display:none; }
  .table-wrap, .table-wrap.long { overflow:visible; max-height:none; border:0; }
  thead { display:table-header-group; }
  thead th { position:static; }
  tr, figure.svg, .figure-tile, .note { break-inside:avoid; }
  table.small { break-inside:avoid; }
  a { color:inherit; text-decoration:none; }
  figure.svg .svg-wrap { overflow:visible; border:0; }
}
)CSS";

// Installed first in <head>: any script error is counted on <html
// data-js-errors> and written into #js-errors, so a headless browser's DOM dump
// shows it.
inline constexpr std::string_view error_hook = R"JS(
(function () {
  var errors = [];
  function show() {
    document.documentElement.setAttribute('data-js-errors', String(errors.length));
    var box = document.getElementById('js-errors');
    if (box) box.textContent = errors.join('\n');
  }
  window.addEventListener('error', function (e) { errors.push(String(e.message || e)); show(); });
  document.addEventListener('DOMContentLoaded', show);
  document.documentElement.setAttribute('data-js-errors', '0');
})();
)JS";

// Sorting (click a column header) and filtering (type in the box above a
// table) for tables marked data-interactive.
inline constexpr std::string_view table_script = R"JS(
(function () {
  var lang = document.documentElement.lang || 'nl';
  var words = JSON.parse(document.getElementById('report-words').textContent);
  function key(cell) {
    var s = cell.getAttribute('data-sort');
    if (s !== null && s !== '') return { n: parseFloat(s) };
    return { t: cell.textContent.trim() };
  }
  function compare(a, b) {
    if (a.n !== undefined && b.n !== undefined) return a.n - b.n;
    if (a.n !== undefined) return -1;
    if (b.n !== undefined) return 1;
    return a.t.localeCompare(b.t, lang, { numeric: true, sensitivity: 'base' });
  }
  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    var rows = Array.prototype.slice.call(body.rows).map(function (r, i) { return { r: r, k: key(r.cells[col]), i: i }; });
    rows.sort(function (x, y) { var c = compare(x.k, y.k); if (dir === 'descending') c = -c; return c || x.i - y.i; });
    rows.forEach(function (x) { body.appendChild(x.r); });
  }
  function filter(table, text, counter) {
    var q = text.trim().toLowerCase();
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = q === '' || rows[i].textContent.toLowerCase().indexOf(q) >= 0;
      rows[i].hidden = !hit;
      if (hit) shown++;
    }
    counter.textContent = words.rows.replace('{0}', shown).replace('{1}', rows.length);
  }
  var tables = document.querySelectorAll('table[data-interactive]');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.title = words.sort;
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener('click', function () { sortBy(table, col, th); });
    });
    if (table.tBodies[0].rows.length > 8) {
      var tools = document.createElement('div');
      tools.className = 'table-tools';
      var input = document.createElement('input');
      input.type = 'search';
      input.placeholder = words.filter;
      input.setAttribute('aria-label', words.filter + ': ' + (table.caption ? table.caption.textContent : ''));
      var counter = document.createElement('span');
      counter.setAttribute('aria-live', 'polite');
      tools.appendChild(input);
      tools.appendChild(counter);
      var wrap = table.parentNode;
      wrap.parentNode.insertBefore(tools, wrap);
      input.addEventListener('input', function () { filter(table, input.value, counter); });
      filter(table, '', counter);
    }
  });
  // How many tables and drawings have a size on screen (read by the end-to-end test).
  function shown(list) {
    return Array.prototype.filter.call(list, function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
  }
  var root = document.documentElement;
  root.setAttribute('data-tables', document.querySelectorAll('table').length + '/' + shown(document.querySelectorAll('table')));
  root.setAttribute('data-figures', document.querySelectorAll('figure svg').length + '/' + shown(document.querySelectorAll('figure svg')));
  root.setAttribute('data-js-ready', '1');
})();
)JS";

}  // namespace regionet::render::report::assets
