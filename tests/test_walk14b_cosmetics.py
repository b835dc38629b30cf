"""Walk 14b cosmetics C1 and C6 (C3 is in tests/test_planner.py and tests/test_digest.py, C5 in
tests/test_walk14b_actor_points.py): an actor's `neste` opens with its own work, and a version number no
text ever had is said to be none."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.simulation import simulate
from tests.driver import make_bot, oslo, record_all_preconditions, text_command


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_actors_own_signature_leads_and_others_agreements_are_a_word(lang: str) -> None:
    """C6: with a signature of its own to give, an actor's `neste` does not open with AU's tally of what
    every other region's agreement waits on (others' work); it says how many, and «oversikt» has the rest."""
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    record_all_preconditions(bot, year=2027)
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    reply = bot.say("neste", as_="ola", channel="in")
    lead = reply.sections[0].text or ""
    assert "signer IN agder 2027" in " ".join(button.command for button in reply.buttons), reply.text
    word = "avtalar til ventar på andre" if lang == "nn" else "avtaler til venter på andre"
    command = "«oversyn»" if lang == "nn" else "«oversikt»"  # the written form's own command word (walk 41)
    assert word in lead and "Fylkesbudsjett (" not in lead and command in lead, lead


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_version_that_never_was_is_said_so_to_a_party_that_signed(lang: str) -> None:
    """C1: `signer IN agder 2027 versjon 0` after IN signed version 1: no version 0, not «Allerede signert»."""
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    record_all_preconditions(bot, year=2027)
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    assert bot.say("signer IN agder 2027 versjon 1", as_="ola", channel="in").ok
    before = bot.snapshot()
    for asked in (0, 7):
        reply = bot.say(f"signer IN agder 2027 versjon {asked}", as_="ola", channel="in")
        word = "Det finst ingen" if lang == "nn" else "Det finnes ingen"
        assert not reply.ok and f"{word} versjon {asked}" in reply.text and "versjon 1" in reply.text, reply.text
    again = bot.say("signer IN agder 2027 versjon 1", as_="ola", channel="in")
    assert "versjon 1" in again.text and bot.snapshot() == before, again.text


@pytest.mark.parametrize(
    ("typed", "channel"), [("årshjul IN", "in"), ("årshjul in 2027", "agder"), ("årshjul AU", "in")]
)
def test_arshjul_reads_an_actor_as_its_channel_does(typed: str, channel: str) -> None:
    """C2: `årshjul IN` gives the wheel of every region, as `årshjul` in IN's channel does."""
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    reply = bot.say(typed, as_="kari", channel=channel)
    assert reply.ok and "hver region" in reply.text, reply.text
    nynorsk = bot.say(typed, as_="per", channel="vestland")  # Vestland reads nynorsk
    assert nynorsk.ok and "kvar region" in nynorsk.text, nynorsk.text


def _signing_labels(bot, channel: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        fact.label
        for post in simulate(bot.core, start=date(2027, 1, 15), end=date(2027, 1, 15), region=None)
        if post.digest.to.channel_id == channel
        for section in post.digest.reply.sections
        for fact in section.facts
        if "Signering" in fact.label
    ]


def test_a_channel_about_one_region_names_it_on_a_shared_signing_line() -> None:
    """C4: «IN i Agder» (Slack C0INAGDER) hears «Agder · Signering 2027», not «Alle regioner · …»; IN's
    general channels, which hear every region, keep the shared line."""
    bot = make_bot(at=oslo(2026, 12, 1, 9))
    here = _signing_labels(bot, "C0INAGDER")
    assert here and all(label.startswith("Agder · Signering 2027") for label in here), here
    assert any(label.startswith("Alle regioner · Signering 2027") for label in _signing_labels(bot, "in"))


@pytest.mark.parametrize(
    ("region", "coordinator", "said"), [("agder", "kari", "bindende siden"), ("vestland", "per", "bindande sidan")]
)
def test_a_new_text_after_every_signature_says_since_when_the_agreement_binds(
    region: str, coordinator: str, said: str
) -> None:
    """C7: the question before a new text voids a complete agreement's signatures says it has bound since."""
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    record_all_preconditions(bot, year=2027, region=region)
    assert bot.say("signer 2027", as_=coordinator, channel=region).ok
    for person in ("ola", "siri", "nils", "rita"):
        signed = bot.say(f"signer {region} 2027", as_=person)
        assert signed.ok, signed.text
    bot.set_time(2027, 1, 25, 10)
    before = bot.snapshot()
    asked = bot.say(text_command(year=2027, region=region, version=2), as_=coordinator, channel=region)
    assert not asked.ok and bot.snapshot() == before
    assert f"{said} 6. januar 2027" in asked.text, asked.text
