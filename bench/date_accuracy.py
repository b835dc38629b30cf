"""Date reading accuracy on the held-out corpus (bench/date_corpus_heldout.tsv).

Run: .venv/bin/python bench/date_accuracy.py [--show]
The corpus was written before the first measurement and is not used to tune bot/dates.py.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import OSLO
from bot.dates import parse_norwegian_date

CORPUS = Path(__file__).with_name("date_corpus_heldout.tsv")


def check(now_text: str, phrase: str, expected: str) -> tuple[bool, str]:
    now = datetime.fromisoformat(now_text).replace(tzinfo=OSLO)
    parsed = parse_norwegian_date(phrase, now=now)
    if expected == "-":
        return parsed is None, "None" if parsed is None else parsed.when.isoformat()
    if parsed is None:
        return False, "None"
    parts = expected.split()
    want_month = parts[-1] == "month"
    got = parsed.when.strftime("%Y-%m-%d")
    ok = got == parts[0] and parsed.month_only == want_month
    if len(parts) > 1 and parts[1] != "month":
        ok = ok and parsed.has_time and parsed.when.strftime("%H:%M") == parts[1]
    shown = parsed.when.strftime("%Y-%m-%d %H:%M") + (" month" if parsed.month_only else "")
    return ok, shown


def main() -> None:
    show = "--show" in sys.argv
    batches: list[list[list[str]]] = [[]]
    for line in CORPUS.read_text().splitlines():
        if line.startswith("# ") and " batch, written " in line:  # "# second batch, written …"
            batches.append([])
        elif line and not line.startswith("#"):
            batches[-1].append(line.split("\t"))
    total = good = 0
    for number, rows in enumerate(batches, start=1):
        right = 0
        for now_text, phrase, expected in rows:
            ok, got = check(now_text, phrase, expected)
            right += ok
            if show and not ok:
                print(f"MISS  {now_text}  {phrase!r}: want {expected}, got {got}")
        print(f"batch {number}: {right}/{len(rows)} = {100 * right / len(rows):.1f} %")
        total, good = total + len(rows), good + right
    print(f"all: {good}/{total} = {100 * good / total:.1f} % of held-out phrases read right")


if __name__ == "__main__":
    main()
