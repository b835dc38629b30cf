"""Walk 12 N4: a region whose minutes were marked «utenfor rekkefølgen» because the national meeting it follows
was not recorded yet: once AU records that meeting as held LATER than the region's, the note says so
(«… som ble holdt 20. april 2027, etter dette møtet»), judged when read, in the reader's written form; before
that it still says «ikke registrert ennå». The walk 11 F7 side (held before: the mark goes) is kept."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PEOPLE = {"nb": ("kari", "bekreft"), "nn": ("per", "stadfest")}
NOT_YET = {"nb": "som ikke er registrert ennå", "nn": "som ikkje er registrert enno"}
LATER = {
    "nb": "Nasjonalt temamøte vår (vårmøtet) 2027, som ble holdt 20. april 2027, etter dette møtet.",
    "nn": "Nasjonalt temamøte vår (vårmøtet) 2027, som vart halde 20. april 2027, etter dette møtet.",
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_note_names_the_national_meeting_held_after(lang: str) -> None:
    person, confirm = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    assert bot.say("dato vårmøte 4. mars kl 10", as_="aud").ok
    assert bot.say("dato vår 15. april kl 10", as_=person).ok
    bot.set_time(2027, 4, 15, 15)
    assert bot.say(f"referat vår Godt møte {confirm}", as_=person).ok
    before = bot.say("status", as_=person)
    assert NOT_YET[lang] in before.text, before.text
    bot.set_time(2027, 4, 16, 10)
    assert bot.say("dato vårmøte 20. april kl 10 bekreft", as_="aud").ok
    bot.set_time(2027, 4, 20, 16)
    assert bot.say("referat vårmøte Godt møte", as_="aud").ok
    after = bot.say("status", as_=person)
    assert LATER[lang] in after.text and NOT_YET[lang] not in after.text, after.text
