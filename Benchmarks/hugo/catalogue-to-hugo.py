#!/usr/bin/env python3
"""Turns a Paddock cache snapshot (catalogue-en.json) into Hugo data files with the same content."""
import json, re, sys

def slug(text, ident):
    base = re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')[:60] or 'item'
    return f"{base}-{ident}"[:80]

catalogue = json.load(open(sys.argv[1]))
horses, animals = [], []
for h in catalogue['horses']:
    ped = (h.get('pedigree') or {}).get('names', {})
    facts = [(k, h.get(f)) for k, f in [('Sex', 'sex'), ('Age', 'age'), ('Studbook', 'studbook'), ('Colour', 'color'),
                                       ('Height', 'height'), ('Breeder', 'breeder'), ('Level', 'level')]]
    facts += [('Sire', ped.get('v')), ('Dam', ped.get('m'))]
    add = h.get('additional') or {}
    horses.append({
        'slug': slug(h['name'], h['id']), 'name': h['name'], 'official': h.get('officialName'),
        'miniature': h.get('miniatureURL'), 'info': h.get('info'), 'description': (h.get('info') or h['name'])[:160],
        'facts': [{'label': k, 'value': str(v)} for k, v in facts if v not in (None, '')],
        'additional': [{'label': k, 'value': ', '.join(v) if isinstance(v, list) else str(v)}
                       for k, v in [('Breeding associations', add.get('breedingAssociations')), ('Semen availability', add.get('semenAvailability')),
                                    ('Semen price', add.get('semenPrice')), ('WFFS test result', add.get('wffsTestResult')), ('Sales', add.get('salesContent'))] if v],
        'pedigree': ped,
        'pictures': [{'url': p['url'], 'thumb': p.get('miniatureURL') or p['url']} for p in h.get('pictures', [])],
    })
for a in catalogue['animals']:
    title = a.get('name') or a.get('descriptor') or a['species']['commonName']
    dob = a.get('dateOfBirth')
    facts = [('Sex', a.get('sex')), ('Born', dob and f"{dob['year']}-{dob['month']:02}-{dob['day']:02}"), ('Maturity', a.get('maturity')),
             ('Reference', a.get('reference')), ('Notes', a.get('buyerNotes'))]
    animals.append({
        'slug': slug(title, a['id'][-8:]), 'title': title, 'species': a['species']['commonName'],
        'scientific': a['species'].get('scientificName'), 'amount': a.get('price'),
        'price': f"€ {a['price']}" if a.get('price') is not None else 'Price on request', 'description': title,
        'genes': a.get('sireGenetics', []) + a.get('damGenetics', []),
        'facts': [{'label': k, 'value': str(v)} for k, v in facts if v],
        'photos': a.get('photos', []),
    })
json.dump(horses, open(sys.argv[2] + '/horses.json', 'w'))
json.dump(animals, open(sys.argv[2] + '/animals.json', 'w'))
print(f"hugo data: {len(horses)} horses, {len(animals)} animals")
