#!/usr/bin/env python3
"""Links the seed's 35 ambtelijke fusies (data/ambtelijke-fusies, keys made from
names) to the CBS codes of the 390 municipalities of 2016 (data/nl-2016) and
writes the bundle data/ambtelijke-fusies-2016/:

  seed-codes-2016.csv  seed key -> 2016 code, with how each was matched
  municipalities.csv   the 2016 municipalities concerned, with points and areas from nl-2016
  arrangements.csv     the 35 fusies as in the seed, host recoded
  memberships.csv      recoded; partners that had merged by 2016 become one
                       membership of their successor, with a note naming them
  neighbours.csv       the nl-2016 border pairs among these municipalities
  dataset.csv, SOURCES.md

Matching, in this order (the same rules as importers/name_matching.*, which
tests/unit/test_analysis_fusies.cpp checks every row against):
  exact       the 2016 name is the seed name
  normalised  equal after fold() (diacritics, case, apostrophes, punctuation)
  qualifier   equal to the 2016 name without its "(L.)"/"(NH.)" qualifier,
              and in the same province (the two Bergens)
  alias       the alias table of importers/name_matching.cpp names the 2016
              successor (Graafstroom -> Molenwaard, ...)
  successor   two mergers before 2016 that the alias table does not hold,
              written out below with their dates

Deterministic; run from the project root:
    python3 scripts/build-fusies-2016.py
"""
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "data", "ambtelijke-fusies")
NL2016 = os.path.join(ROOT, "data", "nl-2016")
OUT = os.path.join(ROOT, "data", "ambtelijke-fusies-2016")

# Successors the alias table of importers/name_matching.cpp lists, for the seed's names
# (copied from it; the C++ test checks each row against the table itself).
ALIASES = {
    "graafstroom": ("Molenwaard", "merged into Molenwaard on 1 January 2013"),
    "liesveld": ("Molenwaard", "merged into Molenwaard on 1 January 2013"),
    "nieuw lekkerland": ("Molenwaard", "merged into Molenwaard on 1 January 2013"),
    "groesbeek": ("Berg en Dal", "merged with Millingen aan de Rijn and Ubbergen in 2015; renamed Berg en Dal on 1 January 2016"),
    "millingen aan de rijn": ("Berg en Dal", "merged into Berg en Dal (then Groesbeek) in 2015"),
    "sassenheim": ("Teylingen", "merged into Teylingen on 1 January 2006"),
    "warmond": ("Teylingen", "merged into Teylingen on 1 January 2006"),
}
# Not in that table (the 2016 register did not need them).
SUCCESSORS = {
    "voorhout": ("Teylingen", "merged with Sassenheim and Warmond into Teylingen on 1 January 2006"),
    "warnsveld": ("Zutphen", "merged into Zutphen on 1 January 2005"),
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def base_name(s):
    return fold(re.sub(r"\s*\([^)]*\)\s*$", "", s))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    seed_m = read(os.path.join(SEED, "municipalities.csv"))
    seed_a = read(os.path.join(SEED, "arrangements.csv"))
    seed_ms = read(os.path.join(SEED, "memberships.csv"))
    n16 = read(os.path.join(NL2016, "municipalities.csv"))
    by_name = {m["name"]: m for m in n16}

    link = {}  # seed key -> (2016 row, match, note)
    for m in seed_m:
        name, prov = m["name"], m["province"]
        hits = [x for x in n16 if x["name"] == name]
        how, note = "exact", ""
        if not hits:
            hits, how = [x for x in n16 if fold(x["name"]) == fold(name)], "normalised"
        if not hits:
            hits, how = [x for x in n16 if base_name(x["name"]) == fold(name) and x["province"] == prov], "qualifier"
        if not hits and fold(name) in ALIASES:
            target, note = ALIASES[fold(name)]
            hits, how = [by_name[target]], "alias"
        if not hits and fold(name) in SUCCESSORS:
            target, note = SUCCESSORS[fold(name)]
            hits, how = [by_name[target]], "successor"
        if len(hits) != 1:
            sys.exit(f"{m['code']} {name} ({prov}): {len(hits)} candidates in nl-2016; extend the tables above")
        link[m["code"]] = (hits[0], how, note)

    os.makedirs(OUT, exist_ok=True)
    write(os.path.join(OUT, "seed-codes-2016.csv"),
          ["seed_key", "seed_name", "seed_province", "code_2016", "name_2016", "match", "note"],
          sorted([k, m["name"], m["province"], link[k][0]["code"], link[k][0]["name"], link[k][1], link[k][2]]
                 for k, m in ((m["code"], m) for m in seed_m)))

    used = sorted({row["code"] for row, _, _ in link.values()})
    write(os.path.join(OUT, "municipalities.csv"), ["code", "name", "province", "lat", "lon", "area_km2"],
          [[x["code"], x["name"], x["province"], x["lat"], x["lon"], x["area_km2"]]
           for x in n16 if x["code"] in used])

    header = list(seed_a[0].keys())
    rows = []
    for a in seed_a:
        r = dict(a)
        if r["host"]:
            r["host"] = link[r["host"]][0]["code"]
        r["source"] = r["source"] + "; partners linked to CBS codes of 2016 (scripts/build-fusies-2016.py)"
        rows.append([r[h] for h in header])
    write(os.path.join(OUT, "arrangements.csv"), header, rows)

    # Partners that had merged by 2016 become one membership of their successor.
    merged = {}
    order = []
    for ms in seed_ms:
        code = link[ms["municipality_code"]][0]["code"]
        key = (ms["arrangement_id"], code)
        if key not in merged:
            merged[key] = {"role": ms["role"], "seats": [], "from": []}
            order.append(key)
        e = merged[key]
        if ms["role"] == "host":
            e["role"] = "host"
        if ms["board_seats"]:
            e["seats"].append(int(ms["board_seats"]))
        e["from"].append(ms["municipality_code"])
    seed_names = {m["code"]: m["name"] for m in seed_m}
    rows = []
    for key in sorted(order):
        e = merged[key]
        (_, code) = key
        name_2016 = next(x["name"] for x in n16 if x["code"] == code)
        olds = [seed_names[k] for k in e["from"] if fold(seed_names[k]) != base_name(name_2016)]
        note = ""
        if olds:
            note = "partner then: " + ", ".join(olds) + " (part of " + name_2016 + " in 2016)"
        seats = str(sum(e["seats"])) if e["seats"] else ""
        rows.append([key[0], code, e["role"], seats, note])
    write(os.path.join(OUT, "memberships.csv"), ["arrangement_id", "municipality_code", "role", "board_seats", "note"], rows)

    neigh = read(os.path.join(NL2016, "neighbours.csv"))
    write(os.path.join(OUT, "neighbours.csv"), ["a", "b", "border_km"],
          [[n["a"], n["b"], n["border_km"]] for n in neigh if n["a"] in used and n["b"] in used])

    write(os.path.join(OUT, "dataset.csv"), ["name", "source", "reference_date"],
          [["ambtelijke-fusies-2016",
            "Ambtelijke fusies 2005-2017 (A.F.A. Korsten, essay over \"Samen en Toch Apart\", ca. 2016), partners "
            "gekoppeld aan de CBS-gemeentecodes van 2016; punten, oppervlakten en grenzen uit nl-2016 (CBS/Kadaster, "
            "CC BY 4.0)", "2016"]])
    print(f"{len(link)} seed municipalities -> {len(used)} municipalities of 2016; "
          f"{sum(1 for v in link.values() if v[1] in ('alias', 'successor'))} merged away before 2016")


if __name__ == "__main__":
    main()
