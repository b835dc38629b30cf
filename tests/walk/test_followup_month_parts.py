"""Walk 11 F6 and M6: a follow-up point's deadline in the words minutes use for a part of a month or an
abbreviation («ila januar», «ila. januar», «medio januar», «ultimo januar», «innen midten av mars») is read
as a day; words that name no day («primo februar», «snarest», «asap», «innen ultimo») keep the ⚠ warning,
never a silent loss; a single day that is no working day («innen 1.1.») is the working day before, and the
reply says so. In both written forms."""

from __future__ import annotations

import pytest

from tests.walk.test_followup_period_deadlines import autumn_points

BY = {"nb": "innen", "nn": "innan"}
READ = {
    "a": ("ila januar", "2028-01-31"),
    "b": ("ila. januar", "2028-01-31"),
    "c": ("i løpet av januar", "2028-01-31"),
    "d": ("medio januar", "2028-01-14"),  # 15 January 2028 is a Saturday
    "e": ("ultimo februar", "2028-02-29"),
    "f": ("{by} midten av mars", "2028-03-15"),
    "g": ("{by} 1.1.", "2027-12-30"),  # New Year's Day; 31 December is a day off (walk 33 F9)
}
UNREAD = {"h": "primo februar", "i": "snarest", "j": "asap", "k": "{by} ultimo"}
MOVED = {"nb": "er ikke en arbeidsdag, så den er satt til", "nn": "er ikkje ein arbeidsdag, så han er sett til"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_month_parts_are_read_and_words_naming_no_day_warn(lang: str) -> None:
    words = {key: phrase.format(by=BY[lang]) for key, (phrase, _due) in READ.items()}
    words |= {key: phrase.format(by=BY[lang]) for key, phrase in UNREAD.items()}
    reply, stored = autumn_points(lang, points="; ".join(f"{key} @IN {phrase}" for key, phrase in words.items()))
    due = {point["text"].split()[0]: point["due"] for point in stored}
    assert due == {key: day for key, (_w, day) in READ.items()} | dict.fromkeys(UNREAD), stored
    for key in UNREAD:  # each unread phrase named in the warning
        assert f"«{words[key].split(' ', 1)[-1] if key == 'k' else words[key]}»" in reply.text, reply.text
    assert "⚠️" in reply.text
    assert "1. januar 2028" in reply.text and MOVED[lang] in reply.text, reply.text
    assert "30. desember 2027" in reply.text  # the day before the day off 31 December (walk 33 F9)
