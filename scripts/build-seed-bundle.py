#!/usr/bin/env python3
"""Converts ../shared/data/seed (Dutch ambtelijke fusies 2005-2017, Korsten c. 2016)
into the canonical bundle data/ambtelijke-fusies/. Deterministic; run from the project root:
    python3 scripts/build-seed-bundle.py ../shared/data/seed data/ambtelijke-fusies
"""
import csv, os, sys

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
def rows(name):
    with open(os.path.join(src, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))
def write(name, header, data):
    with open(os.path.join(dst, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(data)

write('dataset.csv', ['name', 'source', 'reference_date'],
      [['ambtelijke-fusies', 'Ambtelijke fusies 2005-2017 zoals gepubliceerd in A.F.A. Korsten, essay over "Samen en Toch Apart" (ca. 2016)', '2016']])
munis = rows('municipalities.csv')
write('municipalities.csv', ['code', 'name', 'province'],
      sorted([[m['key'], m['name'], m['province']] for m in munis]))
arrs = rows('arrangements.csv')
status_note = {'actual_or_intended': '', 'not_pursued': 'not pursued (stopped in research or pilot phase)', 'paused': 'talks paused'}
out = []
for a in arrs:
    # Stopped and paused fusies did not start: they keep their year as the year of the talks.
    end = a['year'] if a['status'] != 'actual_or_intended' else ''
    out.append([a['id'], a['name'], 'bedrijfsvoering', a['form'], '', a['year'], end, a['host'],
                'Korsten c. 2016' + ('; ' + status_note[a['status']] if status_note[a['status']] else '') + ('; ' + a['note'] if a['note'] else ''), a['year']])
write('arrangements.csv', ['id', 'name', 'domain', 'form', 'division', 'start_year', 'end_year', 'host', 'source', 'reference_date'], sorted(out))
ms = rows('memberships.csv')
write('memberships.csv', ['arrangement_id', 'municipality_code', 'role', 'board_seats'],
      sorted([[m['arrangement_id'], m['municipality_key'], m['role'], m['daily_board_seats']] for m in ms]))
