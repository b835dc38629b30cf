"""CPU time of reading one typed date: ordinary phrases, a sentence, a copied invitation and hostile text.

Run: .venv/bin/python bench/date_speed.py [--rounds 5] [--runs 40]
Each phrase is read `runs` times per round with `time.process_time`; the best round's mean is shown, so a
busy shared machine shows less noise. Hostile phrases are cut at the grammar's 120-character cap, and sentences at
their 240-character one. To compare with another checkout, run the same file from its root (the date package is imported from the
current directory).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from bot.clock import OSLO
from bot.dates.grammar import parse_norwegian_date, warm_up

NOW = datetime(2027, 3, 10, 14, tzinfo=OSLO)
PHRASES = (
    "Vi foreslår å flytte møtet til tirsdag 16. mars kl. 10–14, går det?",
    "tirsdag 16. mars kl 10",
    "blah 12",
    "fredag 14-16",
    "Tuesday, March 16, 2027 10:00 AM-2:00 PM (UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
    # hostile: many numbers, many date words, a date said over and over, junk words around one date
    "Vi kan ta det " + " ".join(str(n) for n in range(1, 40)) + "?",
    "vi " + "mars " * 23 + "?",
    "Vi " + "tysdag 16. mars " * 6 + "?",
    "på A " * 40,
    "Vi møtes i " + "a " * 50 + "16. mars?",
    "Vi kan i i i om om om " + "mars " * 11 + "kl kl kl halv halv ni?",
    "Vi " + "den " * 10 + "16. mars " + "kl " * 10 + "?",
    "Vi tek det " + "16. " * 11 + "mars?",
)
# A sentence may run to 240 characters (only its date's words are read); hostile ones at that cap.
LONG = (
    "Hei alle sammen, vi foreslår å flytte dialogmøtet med Innovasjon Norge til tirsdag 13. april kl. 10–14 på "
    "fylkeshuset, går det for dere?",
    "Vi foreslaar "
    + "tilbakemelding " * 8
    + "om ei den tysdag 16. mars 2027 kl 10 halv kvart over "
    + "sak " * 9
    + "?",
    "Vi tek det den den tysdag 16. mars 17. mars 18. mars kl 10 kvart over ti " + "innovasjonnorge " * 9,
    "Vi " + "mars " * 7 + "og " + "forskningsrådet " * 12 + "?",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    warm_up()
    for phrase in (*(p[:119] for p in PHRASES), *(p[:239] for p in LONG)):
        text = phrase
        best = float("inf")
        for _ in range(args.rounds):
            start = time.process_time()
            for _ in range(args.runs):
                parsed = parse_norwegian_date(text, now=NOW)
            best = min(best, (time.process_time() - start) / args.runs)
        read = "None" if parsed is None else parsed.when.strftime("%Y-%m-%d %H:%M")
        print(f"{best * 1e6:8.0f} µs  {text[:60]!r} -> {read}")


if __name__ == "__main__":
    main()
