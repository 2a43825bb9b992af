#include "render/explorer.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <set>

#include "analysis/graphs.hpp"
#include "model/error.hpp"
#include "render/result_texts.hpp"
#include "render/map.hpp"
#include "render/map_style.hpp"
#include "render/report_document.hpp"
#include "render/report_texts.hpp"

namespace regionet::render::explorer {

namespace {

// The page's script. It reads the JSON block, never markup from data: every
// text goes in with textContent. With "#selftest" in the address it clicks
// through the page itself and writes the outcome into <body data-selftest>
// (read by tests/e2e/explorer_check.sh through chromium --dump-dom).
constexpr const char* k_script = R"JS(
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const T = D.t;
const $ = (id) => document.getElementById(id);
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const fmt = (v, d) => v === null || v === undefined ? "-" : Number(v).toLocaleString(D.lang === "nl" ? "nl-NL" : "en-GB", {maximumFractionDigits: d});
const SHADES = ["#DCE9F5", "#A9CBE8", "#6FA6D6", "#3A7FC0", "#175A9C", "#0B3C6E"];
const ROLE = D.roles;
const formName = (f) => D.form_names[f] || f;  // the reader's name of a form code, as in the report

const nodeOf = new Map();   // municipality index -> SVG circle element
const codeIndex = new Map(D.m.map((m, i) => [m[0], i]));
for (const g of document.querySelectorAll("#map g.node")) {
  const id = g.id || "";
  if (!id.startsWith("x-")) continue;
  const i = codeIndex.get(D.ids[id.slice(2)]);
  if (i === undefined) continue;
  const shape = g.querySelector("ellipse, polygon, path");
  if (shape) { nodeOf.set(i, shape); shape.dataset.fill = shape.getAttribute("fill") || ""; }
  const a = g.querySelector("a");
  const target = a || g;
  target.addEventListener("click", (ev) => { ev.preventDefault(); selectMunicipality(i); });
  if (a) a.setAttribute("aria-label", D.m[i][1]);
}

// Arrangements passing the filters.
function visible(ai) {
  const a = D.a[ai];
  const dom = $("f-domain").value, form = $("f-form").value, div = $("f-division").value;
  if (dom && a[2] !== dom) return false;
  if (form && a[3] !== form) return false;
  if (div === "@joint" && a[4] !== "") return false;
  if (div === "@regions" && a[4] === "") return false;
  if (div && div[0] !== "@" && a[4] !== div) return false;
  return true;
}
const arrangementsOf = D.m.map(() => []);
D.a.forEach((a, ai) => a[5].forEach((m, k) => arrangementsOf[m].push([ai, a[6][k]])));

let current = null;
function paint(counts, selected) {
  let max = 0;
  counts.forEach((c) => { max = Math.max(max, c); });
  let lit = 0;
  nodeOf.forEach((shape, i) => {
    const c = counts.get(i) || 0;
    shape.classList.toggle("partner", c > 0);
    shape.classList.toggle("selected", i === selected);
    if (i === selected) shape.setAttribute("fill", "#D55E00");
    else if (c > 0) { shape.setAttribute("fill", SHADES[Math.min(SHADES.length - 1, Math.floor((c / max) * (SHADES.length - 1) + 0.5))]); lit++; }
    else shape.setAttribute("fill", counts.size ? "#E4E4E4" : shape.dataset.fill);
  });
  document.body.dataset.highlighted = String(lit);
}

function selectMunicipality(i) {
  current = {kind: "m", i};
  const counts = new Map();
  const mine = arrangementsOf[i].filter(([ai]) => visible(ai));
  for (const [ai] of mine) for (const j of D.a[ai][5]) if (j !== i) counts.set(j, (counts.get(j) || 0) + 1);
  paint(counts, i);
  const m = D.m[i];
  const p = $("profile");
  p.replaceChildren();
  p.append(el("h2", m[1] + " (" + m[0] + ")"));
  const dl = el("dl");
  const row = (k, v) => { dl.append(el("dt", k), el("dd", v)); };
  if (m[2]) row(T.province, m[2]);
  row(T.population, fmt(m[3], 0));
  if (m[4] !== null) row(T.load, fmt(m[4], 1));
  if (m[5] !== null) row(T.position, fmt(m[5], 4));
  p.append(dl);
  p.append(el("p", T.partners.replace("{0}", counts.size).replace("{1}", mine.length), "note"));
  p.append(el("p", T.shade, "note"));
  p.append(el("h3", T.arrangements));
  const ul = el("ul", undefined, "arrangements");
  mine.sort((x, y) => D.a[y[0]][5].length - D.a[x[0]][5].length || D.a[x[0]][1].localeCompare(D.a[y[0]][1]));
  for (const [ai, role] of mine) {
    const a = D.a[ai];
    const li = el("li");
    const b = el("button", a[1], "link");
    b.addEventListener("click", () => selectArrangement(ai));
    li.append(b, el("span", " " + [a[3] ? formName(a[3]) : "", a[2] || "", a[4] || ""].filter(Boolean).join(", ") + "; " +
      a[5].length + " " + T.members + "; " + T.role + ": " + ROLE[role], "meta"));
    ul.append(li);
  }
  p.append(ul);
  p.append(el("h3", T.questions));
  const qs = D.q.filter((q) => q[2].includes(i));
  if (!qs.length) p.append(el("p", T.no_questions, "note"));
  const ql = el("ul");
  for (const q of qs) ql.append(el("li", q[3] + " (" + D.a[q[1]][1] + ")"));
  p.append(ql);
  document.body.dataset.selected = m[0];
}

function selectArrangement(ai) {
  current = {kind: "a", i: ai};
  const a = D.a[ai];
  const counts = new Map(a[5].map((j) => [j, 1]));
  paint(counts, -1);
  const p = $("profile");
  p.replaceChildren();
  p.append(el("h2", a[1]));
  const dl = el("dl");
  const row = (k, v) => { if (v) dl.append(el("dt", k), el("dd", v)); };
  row(T.domain, a[2]); row(T.form, a[3] ? formName(a[3]) : ""); row(T.division, a[4]);
  p.append(dl);
  p.append(el("h3", T.member_list + " (" + a[5].length + ")"));
  const ul = el("ul", undefined, "members");
  a[5].map((j, k) => [j, a[6][k]]).sort((x, y) => D.m[x[0]][1].localeCompare(D.m[y[0]][1])).forEach(([j, role]) => {
    const li = el("li");
    const b = el("button", D.m[j][1], "link");
    b.addEventListener("click", () => selectMunicipality(j));
    li.append(b, el("span", role ? " (" + ROLE[role] + ")" : "", "meta"));
    ul.append(li);
  });
  p.append(ul);
  document.body.dataset.selected = a[0];
}

function search() {
  const q = fold($("search").value.trim());
  const out = $("results");
  out.replaceChildren();
  if (q.length < 2) { $("result-count").textContent = ""; return; }
  const hits = [];
  D.m.forEach((m, i) => { if (fold(m[1]).includes(q) || m[0].toLowerCase() === q) hits.push(["m", i, m[1]]); });
  D.a.forEach((a, i) => { if (visible(i) && fold(a[1]).includes(q)) hits.push(["a", i, a[1]]); });
  $("result-count").textContent = T.results.replace("{0}", hits.length);
  for (const [kind, i, name] of hits.slice(0, 40)) {
    const li = el("li");
    const b = el("button", name, "link " + kind);
    b.addEventListener("click", () => kind === "m" ? selectMunicipality(i) : selectArrangement(i));
    li.append(b);
    out.append(li);
  }
}

function fill(select, values, name) {
  const shown = name ? [...values].sort((x, y) => name(x).localeCompare(name(y))) : values;
  for (const v of shown) { const o = el("option", name ? name(v) : v); o.value = v; select.append(o); }
}
fill($("f-domain"), D.domains);
fill($("f-form"), D.forms, formName);
fill($("f-division"), D.divisions);
for (const id of ["f-domain", "f-form", "f-division"])
  $(id).addEventListener("change", () => { if (current) (current.kind === "m" ? selectMunicipality : selectArrangement)(current.i); search(); });
$("search").addEventListener("input", search);

// Self-test (tests/e2e): click the municipality with the most memberships,
// filter by a domain, search without diacritics.
const scriptErrors = [];
window.addEventListener("error", (ev) => { scriptErrors.push(String(ev.message)); document.body.dataset.selftest = "fail: " + scriptErrors.join("; "); });
if (location.hash === "#selftest") {
  const fails = scriptErrors;
  let top = 0;
  arrangementsOf.forEach((l, i) => { if (l.length > arrangementsOf[top].length) top = i; });
  const idOf = new Map(Object.entries(D.ids).map(([id, code]) => [code, id]));
  const g = document.getElementById("x-" + idOf.get(D.m[top][0]));
  if (!g) fails.push("no map node for " + D.m[top][0]);
  else (g.querySelector("a") || g).dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
  const lit = Number(document.body.dataset.highlighted || 0);
  if (!(lit > 0)) fails.push("no partner highlighted");
  if (!$("profile").textContent.includes(D.m[top][1])) fails.push("profile not shown");
  document.body.dataset.selftestPartners = String(lit);
  if (D.domains.length) {
    $("f-domain").value = D.domains[0];
    $("f-domain").dispatchEvent(new Event("change"));
    const after = Number(document.body.dataset.highlighted || 0);
    if (!(after <= lit)) fails.push("domain filter did not narrow the partners");
    document.body.dataset.selftestFiltered = String(after);
    $("f-domain").value = "";
    $("f-domain").dispatchEvent(new Event("change"));
  }
  const probe = D.m.find((m) => fold(m[1]) !== m[1].toLowerCase());
  if (probe) {
    $("search").value = fold(probe[1]);
    search();
    if (![...$("results").querySelectorAll("button")].some((b) => b.textContent === probe[1])) fails.push("search for " + fold(probe[1]) + " did not find " + probe[1]);
    document.body.dataset.selftestSearch = fold(probe[1]);
  }
  // Forms read as the report names them: an arrangement's profile and the
  // form filter show "GR openbaar lichaam", not gr_openbaar_lichaam.
  const named = D.a.findIndex((a) => a[3] && formName(a[3]) !== a[3]);
  if (named >= 0) {
    const code = D.a[named][3];
    selectArrangement(named);
    const shown = [...$("profile").querySelectorAll("dd")].map((d) => d.textContent);
    if (!shown.includes(formName(code))) fails.push("form of " + D.a[named][0] + " shown as " + shown.join(" | "));
    const option = [...$("f-form").options].find((o) => o.value === code);
    if (!option || option.textContent !== formName(code)) fails.push("form filter shows " + (option ? option.textContent : "nothing") + " for " + code);
    document.body.dataset.selftestForm = formName(code);
  }
  document.body.dataset.selftest = fails.length ? "fail: " + fails.join("; ") : "ok";
}
// "#m=GM0363" or "#a=<id>": open with that municipality or arrangement chosen.
if (location.hash.startsWith("#m=")) {
  const i = codeIndex.get(decodeURIComponent(location.hash.slice(3)));
  if (i !== undefined) selectMunicipality(i);
} else if (location.hash.startsWith("#a=")) {
  const id = decodeURIComponent(location.hash.slice(3));
  const ai = D.a.findIndex((a) => a[0] === id);
  if (ai >= 0) selectArrangement(ai);
}
document.body.dataset.ready = "1";
)JS";

constexpr const char* k_style = R"CSS(
:root { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; }
body { margin: 0; }
header { padding: 0.6rem 1rem; background: #1F3A5A; color: white; }
header h1 { font-size: 1.4rem; margin: 0; }
header p { margin: 0.2rem 0 0; font-size: 0.95rem; }
.controls { display: flex; flex-wrap: wrap; gap: 0.8rem; padding: 0.6rem 1rem; background: #F2F4F7; align-items: end; }
.controls label { display: flex; flex-direction: column; font-size: 0.85rem; }
.controls input, .controls select { font-size: 1rem; padding: 0.25rem; max-width: 22rem; }
main { display: flex; gap: 1rem; padding: 0.6rem 1rem; align-items: flex-start; }
#map { flex: 3 1 0; min-width: 0; }
#map svg { width: 100%; height: auto; max-height: 88vh; }
#side { flex: 2 1 0; min-width: 18rem; max-height: 90vh; overflow: auto; }
#profile h2 { font-size: 1.2rem; margin: 0.2rem 0; }
#profile h3 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 0.8rem; margin: 0.3rem 0; }
dt { color: #555; }
dd { margin: 0; }
ul { padding-left: 1.1rem; margin: 0.2rem 0; }
li { margin: 0.15rem 0; }
.note, .meta { color: #555; font-size: 0.9rem; }
button.link { background: none; border: none; padding: 0; color: #0B4F8A; text-decoration: underline; cursor: pointer; font: inherit; text-align: left; }
button:focus, a:focus, input:focus, select:focus { outline: 3px solid #D55E00; outline-offset: 1px; }
#results { max-height: 12rem; overflow: auto; }
.selected { stroke: #222; stroke-width: 2px; }
)CSS";

std::string json_for_html(const nlohmann::json& j) {
    std::string s = j.dump();
    std::string out;
    out.reserve(s.size() + 64);
    for (char c : s) {
        if (c == '<') out += "\\u003c";  // no "</script>" or "<!--" can end the data block
        else out += c;
    }
    return out;
}

}  // namespace

std::string map_svg(const Dataset& d, report::Lang lang) {
    const auto projection = analysis::project_municipalities(d);
    map::NetworkInput net;
    net.dataset = &d;
    net.projection = &projection;
    net.ties = false;
    map::Style style;
    style.id_prefix = "x-";
    style.title = " ";
    style.lang = lang;
    return map::network(net, style, map::Format::svg);
}

std::string page(const Input& in) {
    if (!in.dataset) throw RenderError("explorer: no dataset given");
    const Dataset& d = *in.dataset;
    using nlohmann::json;
    const auto lang = in.lang;
    auto t = [&](const char* key) { return report::tr(lang, std::string("map.explore.") + key); };

    json data;
    data["lang"] = lang == report::Lang::nl ? "nl" : "en";
    json texts;
    for (const char* k : {"province", "population", "load", "position", "partners", "arrangements", "members", "role",
                          "questions", "no_questions", "member_list", "shade", "results", "domain", "form", "division"})
        texts[k] = t(k);
    data["t"] = texts;
    data["roles"] = {report::role_label(lang, "member"), report::role_label(lang, "host"), report::role_label(lang, "client")};
    json ms = json::array(), ids = json::object();
    for (std::size_t i = 0; i < d.municipalities.size(); ++i) {
        const auto& m = d.municipalities[i];
        json row = {m.code, m.name, m.province, nullptr, nullptr, nullptr};
        if (m.population) row[3] = *m.population;
        if (in.weighted_load.size() == d.municipalities.size()) row[4] = in.weighted_load[i];
        if (in.betweenness.size() == d.municipalities.size() && std::isfinite(in.betweenness[i])) row[5] = in.betweenness[i];
        ms.push_back(row);
        ids[map::detail::id_safe(m.code)] = m.code;
    }
    data["m"] = ms;
    data["ids"] = ids;
    json as = json::array();
    std::set<std::string> domains, forms, divisions;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) {
        const auto& x = d.arrangements[a];
        json members = json::array(), roles = json::array();
        for (auto k : d.members_of_arrangement()[a]) {
            members.push_back(d.memberships[k].municipality);
            roles.push_back(static_cast<int>(d.memberships[k].role == Role::host ? 1 : d.memberships[k].role == Role::client ? 2 : 0));
        }
        as.push_back({x.id, x.name, x.domain, x.form, x.division, members, roles});
        if (!x.domain.empty()) domains.insert(x.domain);
        if (!x.form.empty()) forms.insert(x.form);
        if (!x.division.empty()) divisions.insert(x.division);
    }
    data["a"] = as;
    data["domains"] = domains;
    data["forms"] = forms;
    // The forms' reader names (report::form_label, the report's own): the page
    // shows "GR openbaar lichaam", never the code gr_openbaar_lichaam.
    json form_names = json::object();
    for (const auto& f : forms) form_names[f] = report::form_label(lang, f);
    data["form_names"] = form_names;
    data["divisions"] = divisions;
    std::map<std::string, std::size_t> arrangement_index;
    for (std::size_t a = 0; a < d.arrangements.size(); ++a) arrangement_index[d.arrangements[a].id] = a;
    json qs = json::array();
    for (const auto& f : in.findings) {
        auto it = arrangement_index.find(f.arrangement);
        if (it == arrangement_index.end()) continue;
        json subjects = json::array();
        for (const auto& code : f.subjects)
            if (auto m = d.municipality_index(code)) subjects.push_back(*m);
        qs.push_back({f.rule, it->second, subjects, report::finding_question(lang, f)});
    }
    data["q"] = qs;

    const bool nl = lang == report::Lang::nl;
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"" + std::string(nl ? "nl" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // No network: nothing may be fetched, even by accident.
    h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
    h += "<title>" + report::html_escape(report::fill(t("title"), {d.name})) + "</title>\n<style>" + k_style + "</style>\n</head>\n<body>\n";
    h += "<header><h1>" + report::html_escape(report::fill(t("title"), {d.name + (d.reference_date.empty() ? "" : " (" + d.reference_date + ")")})) +
         "</h1><p>" + report::html_escape(t("intro")) + "</p></header>\n";
    h += "<div class=\"controls\" role=\"search\">";
    h += "<label>" + report::html_escape(t("search")) + "<input id=\"search\" type=\"search\" autocomplete=\"off\"></label>";
    h += "<label>" + report::html_escape(t("domain")) + "<select id=\"f-domain\"><option value=\"\">" + report::html_escape(t("all")) + "</option></select></label>";
    h += "<label>" + report::html_escape(t("form")) + "<select id=\"f-form\"><option value=\"\">" + report::html_escape(t("all")) + "</option></select></label>";
    h += "<label>" + report::html_escape(t("division")) + "<select id=\"f-division\"><option value=\"@joint\">" + report::html_escape(t("joint")) +
         "</option><option value=\"\">" + report::html_escape(t("all")) + "</option><option value=\"@regions\">" + report::html_escape(t("regions")) +
         "</option></select></label>";
    h += "<span id=\"result-count\" class=\"note\" aria-live=\"polite\"></span></div>\n";
    h += "<main><div id=\"map\">";
    // The SVG as Graphviz wrote it (its texts are escaped by Graphviz), without
    // the XML prolog and doctype, which are not allowed inside HTML.
    auto svg_start = in.map_svg.find("<svg");
    h += svg_start == std::string::npos ? std::string() : in.map_svg.substr(svg_start);
    h += "</div>\n<div id=\"side\"><ul id=\"results\" aria-label=\"" + report::html_escape(t("search")) + "\"></ul>";
    h += "<section id=\"profile\" aria-live=\"polite\"><p class=\"note\">" + report::html_escape(t("none")) + "</p></section></div></main>\n";
    h += "<script type=\"application/json\" id=\"data\">" + json_for_html(data) + "</script>\n";
    h += std::string("<script>") + k_script + "</script>\n</body>\n</html>\n";
    return h;
}

}  // namespace regionet::render::explorer
