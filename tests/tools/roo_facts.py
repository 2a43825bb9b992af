#!/usr/bin/env python3
"""Independent cross-check of the ROO register facts regionet's tests hold.

Reads the register's YAML with PyYAML (python3-yaml; not part of the build) and
prints the facts tests/unit/test_real_2026.cpp and test_importer_roo.cpp expect,
computed here without regionet's code: chains of versions, memberships per chain
with dates, successors of dissolved municipalities from the register's own
gemeenten/*.yaml (successor_id, else the current municipality holding most of
the dissolved one's places). Usage: tests/tools/roo_facts.py [ROO_DIR]
"""
import collections, datetime, glob, os, statistics, sys
import yaml

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../shared/data/real/roo')
Loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)

def load(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=Loader)

def code_of(tooi):
    return tooi.rsplit('/', 1)[-1].upper() if tooi and '/gemeente/' in tooi else None

def d(s):
    return datetime.date.fromisoformat(str(s)) if s else None

# Municipalities of the register.
gm = {}
by_slug = {}
for p in sorted(glob.glob(os.path.join(root, 'gemeenten', '*.yaml'))):
    y = load(p)
    code = code_of(y['identifiers'].get('tooi'))
    if not code: continue
    places = set(x.strip() for x in (y.get('geography') or {}).get('bevat_plaatsen') or [])
    gm[code] = dict(id=y['id'], roo=str(y['identifiers'].get('roo_id')), until=y.get('valid_until'),
                    name=y['names'][0].get('abbr') or y['names'][0]['value'], places=places,
                    succ=y.get('successor_id'))
    by_slug[y['id']] = code
current = {c for c, g in gm.items() if not g['until']}
by_roo = {g['roo']: c for c, g in gm.items()}

def successor(code, seen=()):
    if code in current: return code
    g = gm[code]
    if g['succ']:
        s = by_slug[g['succ']]
    else:
        # the current one holding most of its places: over half, and no other as many
        n = {c: len(g['places'] & gm[c]['places']) for c in current}
        best = max(n.values()) if n else 0
        if not g['places'] or best * 2 <= len(g['places']) or sum(1 for v in n.values() if v == best) != 1: return None
        s = [c for c, v in n.items() if v == best][0]
    return successor(s, seen + (code,)) if s not in seen else None

versions = {}
bodies = []
for p in sorted(glob.glob(os.path.join(root, 'gemeenschappelijke-regelingen', '*.yaml'))):
    y = load(p)
    y['_file'] = os.path.basename(p)
    if y.get('gr_meta'): versions[str(y['identifiers']['roo_id'])] = y
    else: bodies.append(y)

cur = [v for v in versions.values() if not v['gr_meta'].get('datum_uitwerkingtreding')]
print('versions', len(versions), 'current', len(cur), 'bodies', len(bodies))
print('forms current', collections.Counter(v['gr_meta']['samenwerkingsvorm']['afkorting'] for v in cur))

def muni_codes(v):
    out = []
    for p in v['gr_meta'].get('deelnemende_organisaties') or []:
        c = code_of(p.get('tooi'))
        if not c and str(p.get('roo_id')) in by_roo: c = by_roo[str(p.get('roo_id'))]
        if c: out.append((c, p))
    return out

per = collections.Counter()
two = 0
for v in cur:
    codes = {successor(c) for c, _ in muni_codes(v)} - {None}
    if len(codes) >= 2: two += 1
    for c in codes: per[c] += 1
vals = [per[c] for c in sorted(current)]
print('current with >=2 municipalities', two, '; municipalities in none', sum(1 for x in vals if x == 0))
print('median', statistics.median(vals), 'mean %.2f' % statistics.mean(vals))
for name in ['Landgraaf', 'Putten', 'Steenwijkerland', 'Amsterdam', 'Voorne aan Zee', 'Utrecht', 'Groningen']:
    c = [k for k in current if gm[k]['name'] == name][0]
    print(' ', name, c, per[c])
b = collections.Counter()
for v in cur:
    for p in v['gr_meta'].get('deelnemende_organisaties') or []:
        for o in p.get('bestuursorganen') or []: b[o['naam']] += 1
print('bodies current', b.most_common(6))
print('no tooi in current', sum(1 for v in cur for p in v['gr_meta'].get('deelnemende_organisaties') or [] if not p.get('tooi')))

# Chains: follow previous_version back to the first version.
def first_of(v):
    seen = set()
    while v['gr_meta'].get('previous_version') and str(v['gr_meta']['previous_version']['roo_id']) in versions:
        seen.add(id(v)); v = versions[str(v['gr_meta']['previous_version']['roo_id'])]
        assert id(v) not in seen
    return v
chains = collections.defaultdict(list)
for k, v in versions.items():
    chains[first_of(v)['identifiers']['roo_id']].append(v)
for k in chains: chains[k].sort(key=lambda v: (d(v['gr_meta']['datum_inwerkingtreding']), v['_file']))
print('chains', len(chains), 'current chains', sum(1 for c in chains.values() if not c[-1]['gr_meta'].get('datum_uitwerkingtreding')))

def last_day(v):
    e = d(v['gr_meta'].get('datum_uitwerkingtreding'))
    return e - datetime.timedelta(days=1) if e else None

# Memberships per (chain, municipality): the versions listing it (itself or a
# dissolved predecessor); start = its own earliest joining date, else its
# predecessors'; end = last day in force of the last version listing it, none
# when that is the chain's current last version.
members = {}   # (chain, code) -> dict(start, end, runs, bodies)
for k, c in chains.items():
    info = collections.defaultdict(lambda: dict(idx=[], own=None, carried=None, part=None, ownpart=None))
    for i, v in enumerate(c):
        start_v = d(v['gr_meta']['datum_inwerkingtreding'])
        for code, p in muni_codes(v):
            s_ = successor(code)
            if s_ is None: continue
            x = info[s_]
            if not x['idx'] or x['idx'][-1] != i: x['idx'].append(i)
            j = d(p.get('toetredings_datum')) or start_v
            key = 'own' if s_ == code else 'carried'
            if x[key] is None or j < x[key]: x[key] = j
            x['part'] = p
            if s_ == code: x['ownpart'] = p
    for s_, x in info.items():
        lastv = c[x['idx'][-1]]
        end = last_day(lastv)
        if x['idx'][-1] + 1 < len(c) and end is None: end = d(lastv['gr_meta']['datum_inwerkingtreding'])
        start = x['own'] or x['carried']
        if end and start > end: start = end
        runs = sum(1 for n, i in enumerate(x['idx']) if n == 0 or x['idx'][n - 1] != i - 1)
        # Whole years out between two runs: after the last year in force of the version
        # before the gap, before the start year of the version listing it again.
        gaps = []
        for n in range(1, len(x['idx'])):
            a, b = x['idx'][n - 1], x['idx'][n]
            if b == a + 1: continue
            lo = last_day(c[a]).year + 1
            hi = d(c[b]['gr_meta']['datum_inwerkingtreding']).year - 1
            if lo <= hi and start.year < lo and (end is None or hi < end.year): gaps.append((lo, hi))
        members[(k, s_)] = dict(start=start, end=end, runs=runs, gaps=gaps, part=x['ownpart'] or x['part'])
print('memberships', len(members), 'with a gap', sum(1 for m in members.values() if m['runs'] > 1))
for (k, s_), m in sorted(members.items()):
    if m['runs'] > 1: print('  gap:', gm[s_]['name'], s_, 'in', chains[k][-1]['_file'], 'whole years out', m['gaps'])
bc = collections.Counter()
for (k, s_), m in members.items():
    if m['end'] is None:
        for o in m['part'].get('bestuursorganen') or []: bc[o['naam']] += 1
print('bodies of current memberships', bc.most_common(4))
print('cost keys on memberships', sum(1 for m in members.values() if m['part'].get('verdeelsleutel')))

def active(year):
    n = 0
    for m in members.values():
        if m['start'].year <= year and (m['end'] is None or m['end'].year >= year) and \
                not any(lo <= year <= hi for lo, hi in m['gaps']): n += 1
    return n
for y in range(2012, 2027):
    print('active memberships in', y, active(y))
started = collections.Counter(d(c[0]['gr_meta']['datum_inwerkingtreding']).year for c in chains.values())
ended = collections.Counter(last_day(c[-1]).year for c in chains.values() if last_day(c[-1]))
print('chains started per year', sorted((y, n) for y, n in started.items() if y >= 2012))
print('chains ended per year (last day in force)', sorted(ended.items()))
ex = [c for c in chains.values() if c[-1]['_file'] == 'centrumregeling-jeugdhulp-noordoost-brabant-2024.yaml'][0]
print('example chain', [v['_file'] for v in ex])
print('example members', sorted((gm[s_]['name'], m['start'].year) for (k, s_), m in members.items() if chains[k] is ex))
left = [(k, s_) for (k, s_), m in members.items() if m['end'] and not (last_day(chains[k][-1]) and m['end'] >= last_day(chains[k][-1]))]
print('memberships that ended while their arrangement went on', len(left))
print('current memberships (no end)', sum(1 for m in members.values() if m['end'] is None),
      '; ending in 2026', sum(1 for m in members.values() if m['end'] and m['end'].year == 2026))

# Who serves whom (issue 18): in a current centrum arrangement (form RZM, or
# "centrumregeling"/"centrumgemeente" in its name) the registrar (bronhouder),
# when it is one of the member municipalities, serves each other member.
import re
def centrum(v):
    name = (v.get('names') or [{}])[0].get('value', '')
    return v['gr_meta']['samenwerkingsvorm']['afkorting'] == 'RZM' or re.search(r'\bcentrum(regeling|gemeente)\b', name.lower())
provided, received, links = collections.Counter(), collections.Counter(), 0
pairs = collections.defaultdict(set)
hosting = 0
for v in cur:
    if not centrum(v): continue
    b = (v['gr_meta'].get('bronhouder') or {}).get('tooi')
    r = successor(code_of(b)) if code_of(b) in gm else None
    codes = {successor(c) for c, _ in muni_codes(v)} - {None}
    if r is None or r not in codes: continue
    hosting += 1
    for c in sorted(codes - {r}):
        provided[r] += 1; received[c] += 1; links += 1
        pairs[tuple(sorted((r, c)))].add((r, c))
print('services: centrum arrangements with a member registrar', hosting, '; links', links, '; pairs', len(pairs),
      '; reciprocal', sum(1 for p in pairs.values() if len(p) == 2))
print('services: most provided', [(gm[c]['name'], n) for c, n in sorted(provided.items(), key=lambda x: (-x[1], x[0]))[:6]])
print('services: most received', [(gm[c]['name'], n) for c, n in sorted(received.items(), key=lambda x: (-x[1], x[0]))[:6]])
