"""The last stop's leftover (issue 18): the weekly overview's «Forsinket nasjonalt» kept a year of its own
(`LOOK_BACK`, 365 days after the deadline), and a first reminder pass after downtime still chased last cycle's
unheld meetings after 1 September, while `neste`, `status` and `oversikt` had made them history
(`bot.model.cycle.earliest_counted`). Now every surface reads the one rule: on 31 August 2028 the unheld
meetings of 2027 are named everywhere, from 1 September 2028 nowhere (bar `oversikt 2027`)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.messages import Reply
from tests.driver import make_bot, oslo
from tests.test_walk5_fixc import run_passes

FORMS = [  # the national channel's written form, the national meetings of 2027 as that form names them
    ("nb", ("Høstmøtet (nasjonalt) 2027", "Vårmøtet (nasjonalt) 2027"), "Forsinket nasjonalt"),
    ("nn", ("Haustmøtet (nasjonalt) 2027", "Vårmøtet (nasjonalt) 2027"), "Forseinka nasjonalt"),
]


@pytest.mark.parametrize(("form", "meetings", "heading"), FORMS)
@pytest.mark.parametrize(("monday", "counted"), [((2028, 8, 28), True), ((2028, 9, 4), False)])
def test_the_weekly_overview_counts_last_cycles_national_meetings_as_au_s_neste_does(
    form: str, meetings: tuple[str, str], heading: str, monday: tuple[int, int, int], counted: bool
) -> None:
    bot = make_bot(at=oslo(*monday, 8))
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    text = run_passes(bot, start=date(*monday), end=date(*monday))[(date(*monday), "nasjonal")]
    national = text.split(heading, 1)[1] if heading in text else ""
    neste = bot.say("neste", as_="aud", channel="nasjonal").text
    for meeting in meetings:
        assert (meeting in national) == counted, (monday, meeting, text)
    # AU's `neste` the same day names the same meetings (with their year, as the cycle before's), or none.
    for stems in (("høstmøtet", "haustmøtet"), ("vårmøtet",)):
        named = any(any(s in line.lower() for s in stems) and "2027" in line for line in neste.splitlines())
        assert named == counted, (monday, stems, neste)
    assert "2028" in national, text  # this cycle's overdue national items are still there


@pytest.mark.parametrize(
    ("region", "meeting"), [("agder", "Dialogmøte høst 2027"), ("vestland", "Dialogmøte haust 2027")]
)
@pytest.mark.parametrize(
    ("day", "counted", "chased"),
    [((2028, 6, 30), True, True), ((2028, 8, 31), True, False), ((2028, 9, 1), False, False)],
)
def test_a_first_pass_after_downtime_chases_last_cycles_unheld_meeting_only_while_it_counts(
    region: str, meeting: str, day: tuple[int, int, int], counted: bool, chased: bool
) -> None:
    """Chased while `neste` offers it; from 1 July 2028 (its next window open) `neste` names it only among the
    earlier cycles' unfinished items, and no pass chases it then either (fixbf 2, `bot.facts.owed.left_behind`)."""
    bot = make_bot(at=oslo(*day, 8))
    text = run_passes(bot, start=date(*day), end=date(*day)).get((date(*day), region), "")
    assert (meeting in text) == chased, (day, text)
    person = "kari" if region == "agder" else "per"
    for command in ("neste", "status"):
        reply = _all_of(bot.say(f"{command} {region}", as_=person, channel=region))
        assert (meeting.lower() in reply or meeting.split(" ", 1)[1] in reply) == counted, (command, reply)
    assert meeting.lower() in _all_of(bot.say(f"status {region} 2027", as_=person, channel=region))


def _all_of(reply: Reply) -> str:
    """A reply's text and its sections' (where `status` names the cycles before), lower-cased."""
    return " ".join([reply.text, *(section.text or "" for section in reply.sections)]).lower()
