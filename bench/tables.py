#!/usr/bin/env python3
"""The table benchmark of `make bench` (also runs on its own: python3 bench/tables.py [indstil]).

Writes a budget catalogue with 50 tables (an overview, and per theme a table of proposals
and a distribution table with shares, the overview referring to every theme's total) and
the same catalogue without its tables, then measures the process time (user + system) of
`indstil check` on each: the difference is what the tables cost. Goal: under 50 ms.
"""
import os, resource, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THEMES = 24          # 24 × 2 tables + the overview + one extra = 50 tables
DEPARTMENTS = [("ADM", 284), ("BØR", 279), ("KUL", 68), ("SUN", 135), ("TEK", 81), ("BES", 153)]
YEARS = [2028, 2029, 2030, 2031]


def danish(value, decimals=0):
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def catalogue(with_tables=True):
    """The catalogue's text; without tables each table is a sentence of the same length order."""
    lines = ["---", "profil: aarhus-budgetkatalog", 'titel: "Administrative spareforslag til benchmark"', "---", "", "# Oversigt", ""]
    totals = []
    for theme in range(1, THEMES + 1):
        proposals = [(f"{n}. Forslag {theme}.{n}", [100 * theme + 50 * n + 10 * year_index for year_index in range(4)]) for n in range(1, 4)]
        totals.append([sum(p[1][i] for p in proposals) for i in range(4)])
    overview = ["| Tema (1.000 kr.) | " + " | ".join(map(str, YEARS)) + " |", "|---|" + "---:|" * 4]
    for theme, total in enumerate(totals, start=1):
        overview.append(f"| {theme}. Tema nummer {theme} {{= tema-{theme}}} | " + " | ".join(danish(v) for v in total) + " |")
    overview.append("| I alt | " + " | ".join(danish(sum(t[i] for t in totals)) for i in range(4)) + " |")
    lines += overview if with_tables else ["Oversigten over temaerne står i tabellen, som her er udeladt."]
    lines.append("")
    for theme in range(1, THEMES + 1):
        total = totals[theme - 1]
        lines += [f"# Tema {theme}: Tema nummer {theme}", "", "## Beskrivelse af opgaven", "",
                  "Afdelingerne har kortlagt opgaven og peget på, hvad der kan gøres enklere.", "",
                  "## Identificeret potentiale", ""]
        if with_tables:
            lines += ["```tabel", "titel: Identificeret potentiale", "enhed: 1.000 kr.", f"id: tema-{theme}", "",
                      "| Forslag | " + " | ".join(map(str, YEARS)) + " |", "|---|" + "---:|" * 4]
            for n in range(1, 4):
                values = [100 * theme + 50 * n + 10 * year_index for year_index in range(4)]
                lines.append(f"| {n}. Forslag {theme}.{n} | " + " | ".join(danish(v) for v in values) + " |")
            lines += ["| Anslået samlet besparelse | " + " | ".join(danish(v) for v in total) + " |", "```", ""]
        else:
            lines += ["Potentialet står i tabellen, som her er udeladt.", ""]
        lines += ["## Fordeling på afdeling", ""]
        if with_tables:
            lines += ["```tabel", f"titel: Fordeling af tema {theme}", "enhed: mio. kr.", "",
                      "| Afdeling | Andel | " + " | ".join(map(str, YEARS)) + " |", "|---|---:|" + "---:|" * 4]
            shares = [[round(permille * v / 1000) / 1000 for v in total] for _, permille in DEPARTMENTS]
            for (code, permille), row in zip(DEPARTMENTS, shares):
                lines.append(f"| {code} | {danish(permille / 10, 1)}% | " + " | ".join(danish(v, 3) for v in row) + " |")
            lines += ["| I alt | 100,0% | " + " | ".join(danish(sum(r[i] for r in shares), 3) for i in range(4)) + " |", "```", ""]
        else:
            lines += ["Fordelingen står i tabellen, som her er udeladt.", ""]
    if with_tables:
        lines += ["# Bemærkninger", "", "| Note | Værdi |", "|---|---:|", "| Antal temaer | " + str(THEMES) + " |", ""]
    return "\n".join(lines) + "\n"


def process_seconds(command, cwd, runs):
    """Median user + system seconds of `runs` runs (after one warm-up), from getrusage of the children."""
    samples = []
    for index in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:
            samples.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(samples)


def measure(binary, folder, runs=21):
    """(seconds with tables, seconds without, table count) for `indstil check` of the catalogue."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "indstil.yml"), "w") as f:
        f.write("# benchmark\n")
    for name, with_tables in [("katalog.md", True), ("uden-tabeller.md", False)]:
        with open(os.path.join(folder, name), "w") as f:
            f.write(catalogue(with_tables))
    check = subprocess.run([binary, "check", "katalog.md"], cwd=folder, capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"bench: the generated catalogue is not clean:\n{check.stdout}{check.stderr}")
    stats = subprocess.run([binary, "stats", "--format", "json", "katalog.md"], cwd=folder, capture_output=True, text=True, check=True)
    tables = stats.stdout.count('"totals"')
    with_tables = process_seconds([binary, "check", "katalog.md"], folder, runs)
    without = process_seconds([binary, "check", "uden-tabeller.md"], folder, runs)
    return with_tables, without, tables


def markdown(with_tables, without, tables):
    extra = (with_tables - without) * 1000
    return [
        "## Tables",
        "",
        f"`indstil check` of a budget catalogue with {tables} tables (every total, share column and",
        "cross-table reference checked) against the same catalogue with its tables replaced by a sentence:",
        "process time (user + system), median of 21 runs after a warm-up (`bench/tables.py`).",
        "",
        "| what | process time |",
        "|---|---|",
        f"| catalogue with {tables} tables | {with_tables * 1000:.1f} ms |",
        f"| the same without tables | {without * 1000:.1f} ms |",
        f"| **the tables** (goal < 50 ms) | **{extra:.1f} ms** |",
        "",
    ]


if __name__ == "__main__":
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "indstil")
    result = measure(os.path.abspath(binary), os.path.join(ROOT, "bench-out", "tabeller"))
    print("\n".join(markdown(*result)))
