#!/usr/bin/env python3
"""ordliste: et eksempel på et eksternt kontrol-plugin til indstil (Python 3, kun standardbiblioteket).

Pluginet finder ord fra en liste over kancellisprog og modeord ("synergi", "kerneopgave" …)
i indstillingens afsnit og foreslår et mere almindeligt dansk ord. Fundene har kontrol-id'et
"ordliste.forbudt-ord" og niveauet warning; i indstil.yml kan niveauet ændres som for alle
andre kontroller:

    checks:
      ordliste.forbudt-ord: error     # eller note, eller off

PROTOKOL (version 1)
====================

indstil starter pluginet én gang pr. dokument, i projektets rod (mappen med indstil.yml),
og skriver én JSON-forespørgsel på pluginets stdin (UTF-8, én linje):

    {
      "protocol": 1,
      "path": "/absolut/sti/til/indstilling.md",
      "profile": "aarhus-byraad",
      "front_matter": {"titel": "…", "dato": "2026-03-31", "bilag": [{"titel": "…", "fil": "…"}]},
      "sections": [{"id": "resume", "heading": "1. Resume", "line": 27, "text": "Afsnit et.\\n\\nAfsnit to."}],
      "decisions": [{"number": 1, "written_number": 1, "text": "Byrådet godkender …", "line": 45}],
      "appendices": [{"number": 1, "title": "…", "file": "bilag/oversigt.md", "line": 16}],
      "stats": {"characters": 5321, "lix": 41.3, "decisions": 3, "appendices": 2}
    }

- Linjenumre er linjer i hele filen (front matter medregnet), fra 1.
- front_matter: tekstværdier er strenge præcis som skrevet, tomme værdier er null.
- sections[].id er profilens id for overskriften (null for en ukendt overskrift);
  text er afsnittets læsbare tekst: afsnit, punkter og underoverskrifter adskilt af en tom linje.
- decisions[].number er beslutningspunktets plads fra 1; written_number er det tal,
  forfatteren skrev (null for et punkt uden tal).

Pluginet svarer med ét JSON-objekt på stdout og afslutter med status 0:

    {"diagnostics": [
      {"check": "ordliste.forbudt-ord", "severity": "warning",
       "message": "…" eller {"da": "…", "en": "…"}, "line": 31, "column": 12}
    ]}

- check: kontrollens id; begynd det med pluginets navn fra indstil.yml ("ordliste."),
  så det kan slås fra eller op under "checks:".
- severity: "note", "warning" eller "error".
- line: fra 1 (et tal efter filens sidste linje bliver til den sidste linje); column er valgfri.
- Ingen fund: {"diagnostics": []}.

Hvis pluginet ikke kan startes, slutter med en anden status end 0 (den første linje på
stderr vises), går ned, bruger mere tid end sin timeout (standard 10 s), skriver mere end
10 MB eller svarer med andet end ovenstående, giver indstil fejlen plugin.failed med
pluginets navn; de indbyggede kontroller kører som altid.

Prøv det uden indstil:  echo '{"protocol":1,"path":"x.md","sections":[]}' | python3 plugins/ordliste.py
"""

import json
import re
import sys

PLUGIN = "ordliste"
CHECK = "ordliste.forbudt-ord"

# Ord (og deres bøjninger: synergi, synergien, synergier …) → det, man hellere kan skrive.
FORBUDTE_ORD = {
    "synergi": "samarbejde eller fælles gevinst – eller sig, hvad der konkret opnås",
    "kerneopgave": "opgave, hovedopgave",
    "implementere": "indføre, gennemføre",
    "implementering": "indførelse",
    "optimere": "forbedre",
    "optimering": "forbedring",
    "målsætning": "mål",
    "værdiskabelse": "gevinst, nytte",
    "italesætte": "tale om, nævne",
    "tilvejebringe": "skaffe",
}

# Et ord fra listen med en eventuel bøjningsendelse, som et helt ord.
MØNSTER = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(ord_) for ord_ in FORBUDTE_ORD), key=len, reverse=True)) + r")(\w*)",
    re.IGNORECASE,
)

BØJNINGER = {"", "e", "en", "er", "erne", "et", "ets", "ens", "ernes", "s", "r", "rne", "de", "t", "ne", "nes"}


def grundform(match):
    """Listens ord for et fund, eller None når resten ikke er en bøjning ("optimeret" ja, "synergisk" nej)."""
    ord_, rest = match.group(1).lower(), match.group(2).lower()
    return ord_ if rest in BØJNINGER else None


def fund_i_tekst(tekst):
    """Antal fund pr. grundform i en tekst."""
    antal = {}
    for match in MØNSTER.finditer(tekst):
        ord_ = grundform(match)
        if ord_:
            antal[ord_] = antal.get(ord_, 0) + 1
    return antal


def læs_linjer(sti):
    try:
        with open(sti, encoding="utf-8") as fil:
            return fil.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return None


def fund(forespørgsel):
    sektioner = forespørgsel.get("sections", [])
    linjer = læs_linjer(forespørgsel.get("path", ""))
    resultat = []
    for indeks, sektion in enumerate(sektioner):
        i_teksten = fund_i_tekst(sektion.get("text", ""))
        if not i_teksten:
            continue
        start = sektion["line"]
        slut = sektioner[indeks + 1]["line"] - 1 if indeks + 1 < len(sektioner) else (len(linjer) if linjer else start)
        steder = []  # (grundform, linje, kolonne, som skrevet)
        if linjer:
            # Den rigtige linje og kolonne: søg i filens linjer i afsnittets område. Kun så mange
            # fund pr. ord som teksten har, så ord i HTML-kommentarer og kodeblokke ikke tæller med.
            rest = dict(i_teksten)
            for linjenummer in range(start + 1, min(slut, len(linjer)) + 1):
                for match in MØNSTER.finditer(linjer[linjenummer - 1]):
                    ord_ = grundform(match)
                    if ord_ and rest.get(ord_, 0) > 0:
                        rest[ord_] -= 1
                        steder.append((ord_, linjenummer, match.start() + 1, match.group(0)))
            # Hvad der ikke kunne findes i filen (fx et ord delt af en linjeskift), gives ved overskriften.
            for ord_, antal in rest.items():
                steder += [(ord_, start, 1, ord_)] * antal
        else:
            for ord_, antal in i_teksten.items():
                steder += [(ord_, start, 1, ord_)] * antal
        for ord_, linje, kolonne, skrevet in steder:
            forslag = FORBUDTE_ORD[ord_]
            resultat.append({
                "check": CHECK,
                "severity": "warning",
                "message": {
                    "da": f"»{skrevet}« står på ordlisten over kancellisprog; skriv hellere: {forslag}",
                    "en": f"\"{skrevet}\" is on the list of officialese; prefer plain Danish: {forslag}",
                },
                "line": linje,
                "column": kolonne,
            })
    resultat.sort(key=lambda d: (d["line"], d["column"]))
    return resultat


def main():
    try:
        forespørgsel = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as fejl:
        print(f"{PLUGIN}: forespørgslen er ikke gyldig JSON: {fejl}", file=sys.stderr)
        return 2
    if forespørgsel.get("protocol") != 1:
        print(f"{PLUGIN}: kender kun protokol 1, fik {forespørgsel.get('protocol')!r}", file=sys.stderr)
        return 2
    svar = json.dumps({"diagnostics": fund(forespørgsel)}, ensure_ascii=False)
    sys.stdout.buffer.write((svar + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
