#!/usr/bin/env python3
"""Writes the sandbox's smaXtec demo herd (Sources/PaddockSandbox/DemoData/smaxtec/herd.json).

Deterministic: the same file every run. Animals are stored in the wire form the Integration API
document shows, each with its `events`; the sandbox serves them as they are, so every variant
written here (time forms, misspelt breeds, percentages that do not add up, missing fields) is
served somewhere. Sensor, device and group ids, locations, health events, heats and feeding data
are there on purpose: a correct site publishes none of them.
"""
import json, random, os

random.seed(24)
ORGS = [
    {"name": "Hof Berger", "organisation_id": "5f1a0c2e9b3d4a0001hofb", "timezone": "Europe/Vienna",
     "permissions": ["read", "animals.update", "heats.update"], "role": "admin"},
    {"name": "Alm Berger", "organisation_id": "5f1a0c2e9b3d4a0002almb", "timezone": "Europe/Vienna",
     "permissions": ["read"], "role": "viewer"},
]
NAMES = ["Susi", "Bella", "Lotte", "Resi", "Gretl", "Alma", "Berta", "Cilli", "Dora", "Erna", "Fanny", "Gundi",
         "Hanni", "Ilse", "Johanna", "Kathi", "Liesl", "Mitzi", "Nelly", "Olga", "Paula", "Quirina", "Rosi", "Sissi",
         "Traudl", "Uschi", "Vroni", "Wally", "Xandra", "Zenzi", "Afra", "Burgi", "Claudia", "Dirndl", "Evi", "Flocke",
         "Gitti", "Heidi", "Irmi", "Jolanda"]
SINGLE = ["FLECKVIEW", "FLECKVIEH", "HOLSTEIN", "BRAUNVIEH", "JERSEY", "PINZGAUER", "GRAUVIEH"]
MIXES = [
    [{"race": "ANGLER", "percent": 22}, {"race": "FLECKVIEW", "percent": 78}],
    [{"race": "HOLSTEIN", "percent": 50}, {"race": "FLECKVIEH", "percent": 50}],
    [{"race": "HOLSTEIN", "percent": "62.5"}, {"race": "JERSEY", "percent": 25}],            # 87.5
    [{"race": "BRAUNVIEH", "percent": 60}, {"race": "FLECKVIEW", "percent": 30}, {"race": "PINZGAUER", "percent": 20}],  # 110
    [{"race": "MONTBELIARDE", "percent": 75}, {"race": "HOLSTEIN"}],                          # one share without a percentage
]
STATUSES = ["Young_Cow", "Lactating_Cow", "Dry_Cow"]
TIME_FORMS = ["{d}T{t}+00:00", "{d}T{t}Z", "{d}T{t}", "{d} {t}", "{d}T{t}+01:00"]
HEALTH = ["health_101", "health_106", "health_203", "health_310"]


def ts(year, month, day, hour=8, minute=0, form=0):
    return TIME_FORMS[form % len(TIME_FORMS)].format(d=f"{year:04d}-{month:02d}-{day:02d}", t=f"{hour:02d}:{minute:02d}:00")


def hexid(n, prefix):
    return prefix + format(n, "x").rjust(24 - len(prefix), "0")


animals = []
for i in range(40):
    org = ORGS[0] if i < 24 else ORGS[1]
    country = "AT" if i % 5 else "DE"
    official = f"{country}{(312345600 + i * 7919):09d}"
    heifer = i % 6 == 0 or i >= 36
    birth_year = 2024 - (i % 3) if heifer else 2014 + (i % 9)
    sensor = f"07{(4400 + i * 13):08d}"
    device = f"07{(8800 + i * 17):08d}"
    group = hexid(0xa11 * (i % 5 + 1), "5792")
    animal = {
        "_id": hexid(i + 1, "5c48"), "archived": i in (7, 29),
        "birthday": ts(birth_year, (i % 12) + 1, (i % 27) + 1, 6, 30, i),
        "created_at": ts(2019, 1, 23, 6, 33, 0), "current_device_id": device,
        "display_name": f"{official} - {NAMES[i].lower()}", "group_id": group,
        "location": ["stall", "Weide Nord", "Abkalbebox"][i % 3], "mark": str(100 + i),
        "official_id": official, "official_id_rule": country, "organisation_id": org["organisation_id"],
        "sensor": sensor, "tags": [],
    }
    if i % 11 != 3:
        animal["name"] = NAMES[i]
    if i % 9 != 4:
        animal["lactation_status"] = "Young_Cow" if heifer else STATUSES[1 + i % 2]
    if i % 4 == 1:
        animal["race"] = "mixed"
        animal["mixed_race"] = MIXES[i % len(MIXES)]
    elif i % 13 != 5:
        animal["race"] = SINGLE[i % len(SINGLE)]
    if i in (5, 30):
        animal["tags"] = ["sold"]
    if i in (2, 9, 14, 25, 33):
        animal["tags"] = ["for_sale"] + (["show"] if i == 9 else [])
    if i == 18:
        animal["tags"] = ["show"]

    events = []
    n = 0
    def add(kind, when, info):
        global n
        events.append({"_id": hexid(i * 100 + len(events) + 1, "5b61"), "animal_id": animal["_id"],
                       "create_ts": ts(2023, 8, 1, 16, 54, 0), "event_ts": when, "event_type": kind, "information": info})
    add("heat", ts(2024, 3, (i % 27) + 1, 22, 10, i), {"legacy_heat": True, "sensor_id": sensor})
    add(HEALTH[i % len(HEALTH)], ts(2024, 4, (i % 27) + 1, 21, 0, 3),
        {"threshold": 0.75, "temp_dec_index": 0.759, "value": 0.759, "sensor_id": sensor})
    add("feeding_change", ts(2024, 5, 2, 7, 0, i), {"ration": f"TMR-{chr(65 + i % 4)}{i % 7}", "kg_dry_matter": 21 + i % 5})
    if not heifer:
        calvings = 1 + i % 4
        for c in range(calvings):
            year = birth_year + 2 + c
            if year > 2025:
                break
            add("insemination", ts(year - 1, 5, 10 + c, 9, 15, i + c), {"days_to_calving": 280})
            add("pregnancy_result", ts(year - 1, 7, 1 + c, 10, 0, i + c + 1), {"pregnant": True,
                "expected_calving_date": f"{year}-02-{14 + c:02d}"})
            add("calving_confirmation", ts(year, 2, 15 + c, 4, 30, i + c + 2), {"calving_number": c + 1})
            add("information_update", ts(year, 2, 15 + c, 5, 30, i), {"milk_yield": 9000 + 37 * i, "calving_number": c + 1,
                                                                      "dry_off_date": None})
        if i % 7 == 2:
            add("insemination", ts(2025, 9, 3, 11, 0, i), {"days_to_calving": 282})
            add("pregnancy_result", ts(2025, 10, 20, 10, 0, i), {"pregnant": True})
        if i == 13:
            add("insemination", ts(2024, 6, 1, 8, 0, 0), {"days_to_calving": 280})
            add("pregnancy_result", ts(2024, 7, 15, 8, 0, 1), {"pregnant": True})
            add("abort", ts(2024, 11, 2, 8, 0, 2), {"late_abort": True})
        if i == 20:
            add("insemination", ts(2025, 4, 4, 8, 0, 3), {})
            add("pregnancy_result", "2025-05-20 09:00:00", {"pregnant": False})
    elif i % 2 == 0 and birth_year <= 2023:
        add("insemination", ts(2025, 6, 12, 9, 0, i), {"days_to_calving": 280})
    random.shuffle(events)   # the API promises no order
    animal["events"] = events
    animals.append(animal)

folder = os.path.join(os.path.dirname(__file__), "..", "Sources", "PaddockSandbox", "DemoData", "smaxtec")
with open(os.path.join(folder, "herd.json"), "w") as f:
    json.dump({"organisations": ORGS, "animals": animals}, f, indent=1, ensure_ascii=False)
    f.write("\n")

# The hostile herd: script and markup in names, `../` and reserved file names as ear tags.
hostile = []
for k, (official, name) in enumerate([
    ("../../etc/passwd", "<script>alert('herd')</script>"),
    ("CON", "{{t.title}} \u202emoo"),
    ("NUL", "Bella\" onmouseover=\"alert(1)"),
    ("AT/..%2F..", "<img src=x onerror=alert(2)>"),
    ("..", "javascript:alert(3)"),
    ("COM1.txt", "Aux ../ &amp; <b>"),
]):
    sensor = f"07{(9900 + k):08d}"
    hostile.append({
        "_id": hexid(900 + k, "5c48"), "archived": False, "birthday": ts(2020, 3, 1 + k, 0, 0, k),
        "current_device_id": f"07{(9950 + k):08d}", "group_id": hexid(0xbad0 + k, "5792"), "location": "<b>stall</b>",
        "lactation_status": "Lactating_Cow", "name": name, "official_id": official,
        "organisation_id": ORGS[0]["organisation_id"], "race": "mixed",
        "mixed_race": [{"race": "<i>FLECKVIEW</i>", "percent": 150}, {"race": "HOLSTEIN", "percent": -20}],
        "sensor": sensor, "tags": ["for_sale"] if k % 2 == 0 else ["<script>"],
        "events": [
            {"_id": hexid(9000 + k, "5b61"), "event_ts": ts(2024, 1, 2, 3, 4, k), "event_type": "calving_confirmation",
             "information": {"calving_number": "<b>2</b>"}},
            {"_id": hexid(9100 + k, "5b61"), "event_ts": ts(2024, 2, 2, 3, 4, k), "event_type": "health_999",
             "information": {"sensor_id": sensor}},
        ],
    })
with open(os.path.join(folder, "..", "hostile", "herd.json"), "w") as f:
    json.dump({"organisations": [], "animals": hostile}, f, indent=1, ensure_ascii=False)
    f.write("\n")
