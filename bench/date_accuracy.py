"""Date reading accuracy on the held-out corpus (bench/date_corpus_heldout.tsv), with and without dateparser.

Run: .venv/bin/python bench/date_accuracy.py [--show]
The corpus was written before the first measurement and is not used to tune bot/dates/grammar.py. A phrase
is one line; «\n» in it stands for a line break (an e-mail signature pasted under a date). Each batch is
scored twice: by the grammar alone, and with dateparser behind it (bot/dates/fallback.py), so the column
shows what dateparser adds (and, were it ever to read noise, what it costs). `--show` lists the misses
of the reading the bot uses (with dateparser when it is installed).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import OSLO
from bot.dates import fallback as date_fallback
from bot.dates.grammar import parse_norwegian_date

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


def score(rows: list[list[str]], *, show: bool) -> int:
    right = 0
    for now_text, phrase, expected in rows:
        ok, got = check(now_text, phrase, expected)
        right += ok
        if show and not ok:
            print(f"MISS  {now_text}  {phrase!r}: want {expected}, got {got}")
    return right


def main() -> None:
    show = "--show" in sys.argv
    batches: list[list[list[str]]] = [[]]
    for line in CORPUS.read_text().splitlines():
        if line.startswith("# ") and " batch, written " in line:  # "# second batch, written …"
            batches.append([])
        elif line and not line.startswith("#"):
            now_text, phrase, expected = line.split("\t")
            batches[-1].append([now_text, phrase.replace("\\n", "\n"), expected])
    installed = date_fallback.installed()
    if not installed:
        print("dateparser is not installed: the «with dateparser» column equals the grammar alone")
    total = alone_total = with_total = 0
    for number, rows in enumerate(batches, start=1):
        with mock.patch.object(date_fallback, "absolute_date", lambda text, *, now: None):
            alone = score(rows, show=show and not installed)
        with_parser = score(rows, show=show and installed)
        n = len(rows)
        print(
            f"batch {number}: grammar alone {alone}/{n} = {100 * alone / n:.1f} %, "
            f"with dateparser {with_parser}/{n} = {100 * with_parser / n:.1f} %"
        )
        total, alone_total, with_total = total + n, alone_total + alone, with_total + with_parser
    print(
        f"all: grammar alone {alone_total}/{total} = {100 * alone_total / total:.1f} %, "
        f"with dateparser {with_total}/{total} = {100 * with_total / total:.1f} % of held-out phrases read right"
    )


if __name__ == "__main__":
    main()
