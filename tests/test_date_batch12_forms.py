"""Batch 12's forms (issue 18), with phrases of their own: thanks or a plea after the date («frist 15. februar,
takk», «svar innen 1.3 pls»), a weekday typed onto its day's number («torsdag11. februar», «ons17.2 kl 10»), a day
without its month in a sentence with «den» and a clock time or a weekday («Me tek det på Teams den 18. kl 13.»),
«før jul en gang» (the month, asked); the refusals beside them.

Now is Tuesday 9 February 2027, 10:00 Oslo. Expected dates are written out by hand from a calendar (11 February 2027
is a Thursday, 12 February a Friday, 17 and 24 February Wednesdays), not computed with the code under test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.test_date_gaps import at

TUE = datetime(2027, 2, 9, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # thanks and a plea after the date say nothing of the day
    ("frist 15. februar, takk", at(2027, 2, 15)),
    ("innan fredag 12. februar takk", at(2027, 2, 12)),
    ("svar innen 1.3 pls", at(2027, 3, 1)),
    ("fredag 12. februar kl 10, tusen takk", at(2027, 2, 12, 10)),
    ("Kan vi ta det fredag 12.2, takk?", at(2027, 2, 12)),
    # a weekday typed onto its day's number
    ("torsdag11. februar", at(2027, 2, 11)),
    ("ons17.2 kl 10", at(2027, 2, 17, 10)),
    ("tysdag16.2", at(2027, 2, 16)),
    # a day without its month in a sentence: «den» and a clock time or a weekday make it a day
    ("Me tek det på Teams den 18. kl 13.", at(2027, 2, 18, 13)),
    ("Vi er på Teams den 26. kl 10.", at(2027, 2, 26, 10)),
    ("Passar det onsdag den 24.?", at(2027, 2, 24)),
]

SOME_DAY: list[tuple[str, datetime]] = [
    ("før jul en gang", datetime(2027, 12, 1, tzinfo=OSLO)),
    ("før jula ein gong", datetime(2027, 12, 1, tzinfo=OSLO)),
]

REFUSED: tuple[str, ...] = (
    "fredag11. februar",  # 11 February is a Thursday: the weekday is still checked
    "takk",
    "to3 møter",  # a two-letter word onto a number is no weekday
    "Vi tar det den 18.",  # a day without its month, no time nor weekday: a point or a floor as likely
    "Vi går gjennom punkt 3. kl 10.",  # no «den»
    "Passar det torsdag den 24.?",  # 24 February is a Wednesday
    "Vi hadde møte den 8. kl 10.",  # a day that has been
    "Kan du sende referatet fra møtet den 8. kl 10?",  # passed this month: one that has been, not next month's
    "Vi snakket sammen den 3. kl 10.",
    "Takk for møtet 12. januar",
    "Vi tok det 26. februar i fjor.",  # last year's (main read this year's)
    "Neste år blir møtet 10. november.",  # next year's (main read this year's)
    "Møtet var den 26. kl 10 i fjor.",
    "neste uke en gang",  # some day of a week stays vague, as «en dag i neste uke»
)


@pytest.mark.parametrize(("text", "expected"), [*READS, *((text, None) for text in REFUSED)])
def test_batch12_form(text: str, expected: tuple[datetime, bool] | None) -> None:
    parsed = read_date(text, now=TUE)
    if expected is None:
        assert not isinstance(parsed, ParsedDate), f"{text!r} was read"
    else:
        assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == expected, f"{text!r}: {parsed}"


@pytest.mark.parametrize(("text", "month"), SOME_DAY)
def test_some_time_before_christmas_is_december_asked(text: str, month: datetime) -> None:
    parsed = read_date(text, now=TUE)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when == month, f"{text!r}: {parsed}"
