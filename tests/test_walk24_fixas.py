"""Walk 24 findings fixed on branch fixas (issue 18): what the reminders, `signer` and the help say around
January's signing window, meetings re-dated, and refusals that name their parties once."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import COORDINATOR, BotDriver, make_bot, oslo, record_all_preconditions, signing_open
from tests.test_model_timing import posted


def _ready_but_the_text(bot: BotDriver, *, year: int, region: str) -> None:
    """Every precondition of `region`'s agreement `year` in, the text not registered."""
    coordinator = COORDINATOR[region]
    bot.say(f"forutsetning statsbudsjett {year}", as_="aud")
    bot.say(f"forutsetning budsjett {region} {year}", as_=coordinator)
    for person in ("ola", "siri", "nils", "rita"):
        bot.say(f"forutsetning tildelingsbrev {year}", as_=person)
    bot.say(f"referat politisk {region} {year} Vedtatt i fylkestinget bekreft", as_=coordinator)


def _refused_unchanged(bot: BotDriver, typed: str, *, as_: str, words: str) -> None:
    """`typed` is refused (or asked about) with `words` in the reply, and nothing is stored."""
    before = bot.snapshot()
    reply = bot.say(typed, as_=as_)
    assert not reply.ok and words in reply.text, reply.text
    assert bot.snapshot() == before


# -- F8: an agreement without a text is not «klar til signering» when the window opens ----------------------
def test_an_agreement_without_a_text_is_not_told_ready_when_the_window_opens() -> None:
    bot = make_bot(at=oslo(2027, 12, 9, 10))
    _ready_but_the_text(bot, year=2028, region="agder")
    _ready_but_the_text(bot, year=2028, region="vestland")
    for channel, words in (
        ("agder", "Agder · Signering 2028: signeringen åpner i dag, men venter på avtaleteksten"),
        ("in", "Vestland · Signering 2028: signeringen åpner i dag, men venter på avtaleteksten"),
        ("vestland", "Vestland · Signering 2028: signeringa opnar i dag, men ventar på avtaleteksten"),
    ):
        posts = posted(bot, channel, start=date(2028, 1, 3), end=date(2028, 1, 3))
        text = posts.get(date(2028, 1, 3), "")
        assert words in text and "klar til signering" not in text, text


# -- F9: an actor's bare `signer` just before the window names the ready agreement and its day ---------------
def test_an_actors_bare_signer_in_late_december_names_the_ready_agreement_and_when_it_opens() -> None:
    bot = make_bot(at=oslo(2027, 12, 9, 10))
    record_all_preconditions(bot, year=2028, region="agder")
    bot.set_time(2027, 12, 30, 10)
    before = bot.snapshot()
    for person, channel in (("ola", "in"), ("rita", "rff")):
        reply = bot.say("signer", as_=person, channel=channel)
        assert not reply.ok and "Agder 2028 kan signeres fra 1. januar 2028." in reply.text, reply.text
    assert bot.snapshot() == before
    # without a ready agreement nothing is named
    assert "kan signeres fra" not in make_bot(at=oslo(2027, 12, 30, 10)).say("signer", as_="ola").text


# -- F7: in December the default `oversikt` shows what was registered for the agreement being prepared --------
def test_oversikt_in_december_shows_what_was_just_registered_for_next_years_agreement() -> None:
    bot = make_bot(at=oslo(2026, 12, 16, 15))
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
    assert bot.say("forutsetning budsjett 2027", as_="kari").ok
    assert bot.say("forutsetning budsjett 2027", as_="per").ok
    for person, title, budget in (
        ("aud", "Forberedelse av avtalen 2027", "Statsbudsjett: ✓"),
        ("kari", "Forberedelse av avtalen 2027", "Fylkesbudsjett: ✓"),
        ("per", "Førebuing av avtalen 2027", "Fylkesbudsjett: ✓"),
    ):
        text = bot.say("oversikt", as_=person).text
        preparing = text[text.index(title) :]
        assert budget in preparing, preparing


# -- F2: re-typing only the first day of a two-day meeting says the second day went ---------------------------
def test_retyping_the_first_day_of_a_two_day_meeting_says_it_is_now_one_day() -> None:
    bot = make_bot(at=oslo(2027, 2, 4, 10))
    for person, now in (
        ("kari", "Møtet er nå én dag (var torsdag 22. april 2027 kl. 10.00 – fredag 23. april 2027)"),
        ("per", "Møtet er no éin dag (var torsdag 22. april 2027 kl. 10.00 – fredag 23. april 2027)"),
    ):
        assert bot.say("dato vår 22.-23. april kl 10", as_=person).ok
        reply = bot.say("dato vår 22. april", as_=person)
        assert reply.ok and now in reply.text, reply.text


# -- F3: the refusal to close another's point names the owner once when the owner keeps the meeting ----------
def test_the_refusal_to_close_a_point_names_its_owner_once_when_it_keeps_the_meeting() -> None:
    import re

    bot = make_bot(at=oslo(2027, 4, 22, 10))
    for person, region, confirm in (("kari", "agder", "bekreft"), ("per", "vestland", "stadfest")):
        minutes = f"referat vår Holdt. vedtak: a oppfølging: sender tall @{region} innen 10. mai {confirm}"
        reply = bot.say(minutes, as_=person)
        found = re.search(r"\[([A-Z2-9]{4})\]", reply.text)
        assert reply.ok and found, reply.text
        before = bot.snapshot()
        refused = bot.say(f"ferdig {found.group(1)}", as_="ola", channel="in")
        name = f"{region.capitalize()} fylkeskommune"
        assert f"Bare {name} kan lukke oppfølgingspunktet {found.group(1)}." in refused.text, refused.text
        assert " eller " not in refused.text and bot.snapshot() == before


# -- F11: help examples fitted to the reader's role and region ----------------------------------------------
def _examples(bot: BotDriver, topic: str, *, as_: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip()
        for line in bot.say(f"hjelp {topic}", as_=as_).text.splitlines()
        if line.strip().startswith(("Eksempel:", "Døme:"))
    ]


def test_help_examples_name_the_readers_own_region_or_actor_and_mark_the_actors_own() -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 10))
    for person, mark, region in (("kari", "(for aktørene)", "agder"), ("per", "(for aktørane)", "vestland")):
        assert f"«signer IN {region} 2027» {mark}" in _examples(bot, "signer", as_=person)
        letters = [e for e in _examples(bot, "forutsetning", as_=person) if "tildelingsbrev" in e]
        assert letters and all(e.endswith(mark) for e in letters), letters
        shown = [e for e in _examples(bot, "referat", as_=person) if " vis " in e]
        assert shown and all(region in e for e in shown), shown
    assert "«signer SIVA agder 2027»" in _examples(bot, "signer", as_="siri")
    assert "«forutsetning tildelingsbrev NFR 2027»" in _examples(bot, "forutsetning", as_="nils")
    assert "«signer IN agder 2027»" in _examples(bot, "signer", as_="aud")  # AU reads them as written
    for person in ("kari", "per", "siri"):  # the fitted examples run as typed (here: refused only by the window)
        for example in _examples(bot, "referat", as_=person):
            if " vis " in example:
                assert "forstod" not in bot.say(example.strip("«»"), as_=person).text


# -- F6: a new text for a completed agreement names the agreement and next year's way in ----------------------
def test_a_new_text_for_a_completed_agreement_names_its_year_and_next_years_command() -> None:
    for region, person, words in (
        (
            "agder",
            "kari",
            "Teksten gjelder avtalen 2027 for Agder fylkeskommune; er den for 2028, skriv «avtale 2028 <lenke>».",
        ),
        (
            "vestland",
            "per",
            "Teksten gjeld avtalen 2027 for Vestland fylkeskommune; er han for 2028, skriv «avtale 2028 <lenkje>».",
        ),
    ):
        bot = signing_open(region=region)
        for signer, channel in ((person, region), ("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff")):
            assert bot.say(
                f"signer {region} 2027" if channel != region else "signer 2027", as_=signer, channel=channel
            ).ok
        bot.set_time(2027, 2, 4, 12)
        _refused_unchanged(bot, f"avtale https://{region}.no/avtale2028.pdf", as_=person, words=words)


# -- F4: a misspelt meeting word (a swap, a Swedish «ö») gets «Mente du»; nothing is stored -----------------
def test_a_misspelt_meeting_word_in_minutes_gets_a_suggestion() -> None:
    bot = make_bot(at=oslo(2027, 2, 5, 10))
    for person, typed, words in (
        ("kari", "referat hsöt Godt møte", "Mente du «referat høst Godt møte»?"),
        ("per", "referat hasut Godt møte", "Meinte du «referat haust Godt møte»?"),
    ):
        _refused_unchanged(bot, typed, as_=person, words=words)


# -- F10: a two-day meeting's start time is in the calendar event's title, which every calendar shows -------
def test_a_two_day_meetings_start_time_is_in_the_feeds_event_title() -> None:
    from tests.test_feed_written_form import feed_text

    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vår 22.-23. april kl 10", as_="kari").ok
    assert bot.say("dato vår 22.-23. april kl 9", as_="per").ok
    for feed, start in (("agder", "(start kl. 10.00)"), ("vestland", "(start kl. 09.00)")):
        text = feed_text(bot, feed).replace("\r\n ", "")
        summary = next(line for line in text.splitlines() if line.startswith("SUMMARY:Regionalt dialogmøte vår 2027"))
        assert start in summary, summary
        assert "DTSTART;VALUE=DATE:20270422" in text and "DTEND;VALUE=DATE:20270424" in text


@pytest.mark.parametrize(
    ("person", "title"), [("aud", "Forberedelse av avtalen 2027"), ("per", "Førebuing av avtalen 2027")]
)
def test_oversikt_leads_with_the_agreement_being_prepared_once_its_deadlines_have_come(person: str, title: str) -> None:
    """Walk 24 F7 (walk 25: «the answer is far down»): from the month the prepared agreement's first item falls
    due (the action plan, 15 December; the model holds the running cycle's autumn meetings in October and
    November), `oversikt` shows its preparation first, under the national rows; before, after the rows."""
    bot = make_bot(at=oslo(2026, 12, 16, 15))
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
    reply = bot.say("oversikt", as_=person)
    titles = [section.title for section in reply.sections]
    at = titles.index(title)
    assert at == titles.index("Nasjonalt") + 1 and "Statsbudsjett: ✓" in reply.sections[at].facts[0].value, titles
    assert "2026" in reply.title  # the cycle is still the calendar year's, as in `status` and `neste`
    bot.set_time(2026, 11, 16, 9)
    titles = [section.title for section in bot.say("oversikt", as_=person).sections]
    assert titles.index(title) > titles.index("Agder"), titles
