"""The sixth year walk's findings on dates and recording details (/tmp/walk6 F3-F8), driven as a person would
(tests/driver.py), in both written forms: the model's order asks whatever the month, the model's own meeting
names are meeting words, pasted invitations are read, a repeated agreement link is said to be registered, a
new time on the same day is no move, and a multi-day date's end time is said not kept."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo

PEOPLE = {"nb": "kari", "nn": "per"}
CONFIRM = {"nb": "bekreft", "nn": "stadfest"}
AUTUMN_MODEL = {"nb": "Nasjonalt temamøte høst (høstmøtet) 2027", "nn": "Nasjonalt temamøte haust (haustmøtet) 2027"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", ["1. oktober", "uke 44", "25. november"])
def test_a_regional_autumn_meeting_before_the_undated_national_one_asks(lang: str, typed: str) -> None:
    """F3: the order check holds for every meeting that follows another, in any month of its window."""
    bot = make_bot(at=oslo(2027, 8, 16, 9))
    person = PEOPLE[lang]
    before = bot.snapshot()
    asked = bot.say(f"dato høst {typed}", as_=person)
    assert bot.snapshot() == before, asked.text
    assert AUTUMN_MODEL[lang] in asked.text and CONFIRM[lang] in asked.text, asked.text
    assert bot.say("dato høstmøte 30. september kl 10", as_="aud").ok
    assert bot.say(f"dato høst {typed}", as_=person).ok


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("høstmøtet", "Nasjonalt temamøte høst (høstmøtet) 2027"),
        ("haustmøtet", "Nasjonalt temamøte høst (høstmøtet) 2027"),
        ("Høstmøtet", "Nasjonalt temamøte høst (høstmøtet) 2027"),
        ("vårmøtet", "Nasjonalt temamøte vår (vårmøtet) 2028"),
    ],
)
def test_the_models_own_meeting_names_are_meeting_words(word: str, title: str) -> None:
    """F4: «dato høstmøtet …» and «referat høstmøtet …» (the name every surface shows) were refused."""
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    year = "2028 " if "vår" in word else ""
    dated = bot.say(f"dato {word} {year}21. oktober kl 10" if not year else f"dato {word} {year}10. mars", as_="aud")
    assert dated.ok and title in dated.title, dated.text
    bot.clock.set(oslo(2027, 11, 5, 9))
    if not year:
        held = bot.say(f"referat {word} Godt møte", as_="aud")
        assert held.ok and title in held.text, held.text


def test_a_nynorsk_channel_reads_its_own_model_name() -> None:
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    assert bot.say("målform kanal nn", as_="admin", channel="nasjonal").ok
    dated = bot.say("dato haustmøtet 21. oktober kl 10", as_="aud")
    assert dated.ok and "Nasjonalt temamøte haust (haustmøtet) 2027" in dated.text, dated.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "pasted",
    [
        "Tid: torsdag 22. april 2027 kl. 10:00-15:00 {place}",
        "Dato: 22.04.2027 Tidspunkt: 10:00–14:00 {place}",
        "Når: 22. april kl 10 {place}",
        "22.4. kl 10 {place}",
        "{place}\nTid: 22.4. kl 10",
    ],
)
def test_a_pasted_invitation_is_read_without_its_place(lang: str, pasted: str) -> None:
    """F5: «Sted:»/«Stad:» and «Dato: … Tidspunkt: …» in a pasted invitation were refused."""
    bot = make_bot(at=oslo(2027, 2, 3, 9, 30))
    place = "Sted: Kristiansand" if lang == "nb" else "Stad: Molde"
    reply = bot.say("dato vår " + pasted.format(place=place), as_=PEOPLE[lang])
    assert reply.ok and "22. april 2027 kl. 10.00" in reply.text, reply.text
    assert "Kristiansand" not in reply.text and "Molde" not in reply.text


SUM = "a" * 64


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("checksum", ["", f" sha256:{SUM}"])
def test_the_same_agreement_link_again_is_already_registered(lang: str, checksum: str) -> None:
    """F8: the same link again (with «bekreft», no new checksum) became version 3 equal to version 2."""
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    person = PEOPLE[lang]
    link = "https://dok.fylke.no/avtale-2027-v2.pdf"
    assert bot.say(f"avtale {link}{checksum}", as_=person).ok
    before = bot.snapshot()
    for again in (f"avtale {link}{checksum}", f"avtale {link}{checksum} {CONFIRM[lang]}", f"avtale {link}"):
        reply = bot.say(again, as_=person)
        assert bot.snapshot() == before, reply.text
        assert "versjon 1" in reply.text and "versjon 2" not in reply.text, reply.text
    changed = bot.say(f"avtale {link} sha256:{'b' * 64}", as_=person)  # a changed file behind the same link
    assert changed.ok and "versjon 2" in changed.title, changed.text


def told(bot: BotDriver) -> dict[str, str]:
    """The last command's announcements to terminal channels: channel -> text."""
    return {a.to.channel_id: a.reply.text for a in bot.last.announcements if a.to.platform == "terminal"}


@pytest.mark.parametrize(
    ("lang", "channel", "said", "moved"),
    [
        (
            "nb",
            "agder",
            "Agder · Dialogmøte vår 2027 har nytt klokkeslett: torsdag 22. april 2027 kl. 10.00",
            "flyttet",
        ),
        (
            "nn",
            "vestland",
            "Vestland · Dialogmøte vår 2027 har nytt klokkeslett: torsdag 22. april 2027 kl. 10.00",
            "flytta",
        ),
    ],
)
def test_a_time_added_on_the_same_day_is_a_new_time_not_a_move(lang: str, channel: str, said: str, moved: str) -> None:
    """F7: «kl 10» added to 22 April was announced «flyttet fra torsdag 22. april 2027 til torsdag 22. april …»."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    person = PEOPLE[lang]
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    assert bot.say("dato vår 22. april", as_=person).ok
    assert bot.say("dato vår 22. april kl 10", as_=person).ok
    heard = told(bot)
    assert said in heard["in"] and moved not in heard["in"], heard
    assert bot.say("dato vår 22. april kl 12", as_=person).ok  # a changed time: also no move
    assert "har nytt klokkeslett" in told(bot)["in"]
    assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    assert bot.say("dato vår 22. april kl 13", as_=person).ok
    assert (
        "har nytt klokkeslett: torsdag 22. april 2027 kl. 13.00 (var torsdag 22. april 2027 kl. 12.00)"
        in (told(bot)["in"])
    )


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_meeting_moved_to_two_days_names_both(lang: str) -> None:
    """F7: a two-day date replacing a one-day one was announced with its first day only."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    person = PEOPLE[lang]
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    assert bot.say("dato vår 15. april", as_=person).ok
    assert bot.say("dato vår 22.-23. april", as_=person).ok
    heard = told(bot)["in"]
    assert "til torsdag 22. april 2027 – fredag 23. april 2027" in heard, heard
    assert bot.say("dato vår 29. april", as_=person).ok
    assert "fra torsdag 22. april 2027 – fredag 23. april 2027 til torsdag 29. april 2027" in told(bot)["in"]


NOT_KEPT = {"nb": "slutten kl. 15.00 lagres ikke", "nn": "slutten kl. 15.00 vert ikkje lagra"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_multi_day_dates_end_time_is_said_not_kept(lang: str) -> None:
    """F6: «10. mars kl 12 – 11. mars kl 15» dropped 15.00 without the note a single day's range gets."""
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    person = PEOPLE[lang]
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    typed = "dato vår 22. april 2027 kl. 12.00 – 23. april kl. 15.00"
    first = bot.say(typed, as_=person)
    assert first.ok and "kl. 12.00 –" in first.text and NOT_KEPT[lang] in first.text, first.text
    again = bot.say(typed, as_=person)
    assert "Ingenting er endret" in again.text or "Ingenting er endra" in again.text, again.text
    assert NOT_KEPT[lang] in again.text
    plain = bot.say("dato vår 22.-23. april kl 12", as_=person)  # one time, the start: nothing dropped
    assert "lagres ikke" not in plain.text and "vert ikkje lagra" not in plain.text, plain.text
