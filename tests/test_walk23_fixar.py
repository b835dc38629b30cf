"""Walk 23's findings fixed by part fixar (issue 18): a reopened agreement told where its completion was told,
the region's signing leads naming the actors still missing, earlier years' agreements named by `signer`."""

from __future__ import annotations

from datetime import date

import pytest

from bot.messages import ChannelAddress
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text, signing_open
from tests.test_model_timing import days_saying, posted

SIGNERS = {"agder": "kari", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
VL_SIGNERS = {"vestland": "per", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}
NATIONAL = (
    ChannelAddress("terminal", "nasjonal"),
    ChannelAddress("slack", "C0NASJONAL"),
    ChannelAddress("teams", "19:nasjonal@thread.tacv2"),
)


def test_a_reopened_agreement_is_told_where_its_completion_was_told_in_both_forms() -> None:
    """Walk 23 #8: the national channels heard «signert av alle parter … forplikter partene», so they hear
    that a new text reopened it; a text that voids only some signatures stays with the parties."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    for region, signers in (("agder", SIGNERS), ("vestland", VL_SIGNERS)):
        record_all_preconditions(bot, year=2027, region=region)
        for party, person in signers.items():
            reply = bot.say(f"signer {party} {region} 2027", as_=person)
            assert reply.ok, reply.text
        completed = {a.to for a in bot.last.announcements}
        assert set(NATIONAL) - {ChannelAddress("terminal", "nasjonal")} <= completed
        bot.set_time(2027, 1, 13, 9)
        register_text(bot, year=2027, region=region, version=2)
        told = {a.to: a.reply for a in bot.last.announcements}
        for address in NATIONAL:
            assert address in told, (region, address)
        note = told[ChannelAddress("slack", "C0NASJONAL")].text
        assert "er ikke lenger fullført" in note and "2027" in note, note
        if region == "vestland":  # the region's own channel reads nynorsk
            assert "er ikkje lenger fullført" in told[ChannelAddress("slack", "C0VESTLAND")].text
        bot.set_time(2027, 1, 12, 9)
    # Only some signatures voided: the agreement was never complete, the national channels were never told.
    bot.set_time(2027, 1, 14, 9)
    assert bot.say("signer agder 2027 versjon 2", as_="kari").ok
    register_text(bot, year=2027, region="agder", version=3)
    told = {a.to for a in bot.last.announcements}
    assert not told & set(NATIONAL)
    assert "ikke lenger fullført" not in bot.last.reply.text


LEADS = [  # region, the actor who signs, the region's own line at the leads
    (
        "agder",
        "Agder har ikke signert: «signer 2027»; mangler også signatur fra Siva, Norges forskningsråd, Regionale forskningsfond",
    ),
    (
        "vestland",
        "Vestland har ikkje signert: «signer 2027»; manglar òg signatur frå Siva, Noregs forskingsråd, Regionale forskingsfond",
    ),
]


@pytest.mark.parametrize(("region", "line"), LEADS)
def test_the_region_not_yet_signed_hears_at_the_leads_which_actors_are_missing_too(region: str, line: str) -> None:
    """Walk 23 #1: two days before the deadline «Agder har ikke signert» alone reads as if the region's
    signature were the last one missing; the leads name the actors too, as the overdue line does."""
    bot = signing_open(region=region)
    assert bot.say(f"signer {region} 2027", as_="ola").ok
    posts = posted(bot, region, start=date(2027, 1, 6), end=date(2027, 1, 31))
    assert days_saying(posts, line) == [date(2027, 1, 15), date(2027, 1, 29)], posts


def _two_years_waiting() -> BotDriver:
    """Agder's and Vestland's 2027 agreements never completed (only Agder signed its own), the 2028 ones ready
    in January 2028 (walk 23 y28.py)."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    for region in ("agder", "vestland"):
        record_all_preconditions(bot, year=2027, region=region)
    assert bot.say("signer 2027", as_="kari").ok
    bot.set_time(2027, 12, 21, 10)
    bot.say("forutsetning statsbudsjett 2028", as_="aud")
    for person in ("ola", "siri", "nils", "rita"):
        bot.say("forutsetning tildelingsbrev 2028", as_=person)
    for region, coordinator in (("agder", "kari"), ("vestland", "per")):
        link = f"https://dok.fylke.no/{region}/avtale-2028.pdf sha256:{'ab' * 32}"
        assert bot.say(f"avtale {region} 2028 {link}", as_=coordinator).ok
        bot.say(f"forutsetning budsjett {region} 2028", as_=coordinator)
        assert bot.say(f"referat politisk {region} 2028 Vedtatt bekreft", as_=coordinator).ok
    bot.set_time(2028, 1, 10, 12)
    return bot


def test_signing_a_region_without_a_year_asks_which_while_last_years_agreement_waits_in_both_forms() -> None:
    """Walk 23 #3: `signer agder` (the question's own example) signed Agder 2028 silently while 2027 waited."""
    bot = _two_years_waiting()
    before = bot.snapshot()
    bare = bot.say("signer", as_="siri")
    assert "«signer agder 2027»" in bare.text, bare.text  # the example picks one of Agder's two years
    for typed in ("signer agder", "signer agder bekreft"):
        asked = bot.say(typed, as_="siri")
        assert not asked.ok and "2027, 2028" in asked.text and "«signer agder 2027 bekreft»" in asked.text, asked.text
        assert [b.command for b in asked.buttons] == [
            "signer SIVA agder 2027 versjon 1 bekreft",
            "signer SIVA agder 2028 versjon 1",
        ]
    own = bot.say("signer", as_="per")
    assert not own.ok and "Fleire avtalar for Vestland fylkeskommune" in own.text, own.text
    assert "«signer 2027 stadfest»" in own.text
    assert bot.snapshot() == before
    assert "2027" in bot.say("signer agder 2027 bekreft", as_="siri").text


def test_signing_a_year_nothing_waits_for_names_the_years_that_wait_in_both_forms() -> None:
    """Walk 23 #4: `signer 2028` said no agreement waited for SIVA at all while two 2027 ones did."""
    bot = _two_years_waiting()
    assert bot.say("signer agder 2028", as_="siri").ok and bot.say("signer vestland 2028", as_="siri").ok
    before = bot.snapshot()
    reply = bot.say("signer 2028", as_="siri")
    assert not reply.ok and "Ingen avtale 2028 venter på signaturen til Siva" in reply.text, reply.text
    assert "Agder 2027, Vestland 2027" in reply.text
    assert [b.command for b in reply.buttons] == [
        "signer SIVA agder 2027 versjon 1 bekreft",
        "signer SIVA vestland 2027 versjon 1 bekreft",
    ]
    assert bot.snapshot() == before
    assert bot.say("målform nn", as_="siri").ok
    nynorsk = bot.say("signer 2028", as_="siri")
    assert "Inga avtale 2028 ventar på signaturen til Siva" in nynorsk.text, nynorsk.text


@pytest.mark.parametrize(
    ("region", "signer", "changed", "none", "confirm"),
    [
        ("agder", "siri", "Avtaleteksten er endret", "Det finnes ingen versjon 9", "bekreft"),
        ("vestland", "per", "Avtaleteksten er endra", "Det finst ingen versjon 9", "stadfest"),
    ],
)
def test_after_the_deadline_an_old_version_is_refused_first_with_a_suggestion_that_signs(
    region: str, signer: str, changed: str, none: str, confirm: str
) -> None:
    """Walk 23 #2: after the deadline «versjon 2» got a «bekreft» button that was then refused (the text had
    changed); the version is checked first, as inside the window, and the suggestion carries the confirm word."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region=region)
    register_text(bot, year=2027, region=region, version=2)
    bot.set_time(2027, 2, 2, 9, 30)
    before = bot.snapshot()
    party = "SIVA" if signer == "siri" else region
    for asked, says in (("1", changed), ("9", none)):
        reply = bot.say(f"signer {party} {region} 2027 versjon {asked}", as_=signer)
        assert not reply.ok and says in reply.text, reply.text
        named = f"for {region}" if party == region else f"{party} {region}"  # a region's own: once (walk 41)
        suggested = f"signer {named} 2027 versjon 2 {confirm}"
        assert f"«{suggested}»" in reply.text, reply.text
        assert [b.command for b in reply.buttons] == [suggested]
    assert bot.snapshot() == before
    assert bot.say(suggested, as_=signer).ok  # typed back as suggested, it signs


def test_the_national_wheel_text_says_optional_items_past_their_day_as_every_surface_in_both_forms() -> None:
    """Walk 23 #5: after 31 January the assignment agreements read «åpen (ingen dato ennå) 15» on the national
    wheel's text while `årshjul`, the page and `oversikt` said «valgfritt, ikke på overtid»."""
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    text = bot.say("årshjul nasjonal", as_="aud").text
    [line] = [line for line in text.splitlines() if "Oppdragsavtaler sendt" in line]
    assert line.endswith("regionene: valgfritt, ikke på overtid 15") and "ingen dato" not in line, line
    assert bot.say("målform nn", as_="aud").ok
    text = bot.say("årshjul nasjonal", as_="aud").text
    [line] = [line for line in text.splitlines() if "Oppdragsavtalar" in line]
    assert line.endswith("regionane: valfritt, ikkje på overtid 15"), line


@pytest.mark.parametrize(
    ("person", "typed", "actor", "says"),
    [
        ("kari", "oppdrag SIVA sendt 28.01.", "SIVA", "Dagen det skjedde: 28. januar 2027."),
        ("per", "oppdrag IN sendt 28. jan.", "IN", "Dagen det skjedde: 28. januar 2027."),
    ],
)
def test_an_assignment_agreement_sent_on_an_earlier_day_records_that_day(
    person: str, typed: str, actor: str, says: str
) -> None:
    """Walk 23 #6: «oppdrag SIVA sendt 28.01.» on 2 February was refused «Jeg forstod ikke «28.01»»; the day is
    read as a precondition's «mottatt …» is, and by the same rules (not ahead, not long before the window)."""
    bot = make_bot(at=oslo(2027, 2, 2, 10))
    region = "agder" if person == "kari" else "vestland"
    reply = bot.say(typed, as_=person)
    assert reply.ok, reply.text
    assert says in reply.text, reply.text  # the nynorsk form reads the same
    sent = bot.core.state.assignments(region=region, year=2027)[actor]
    assert sent["at"][:10] == "2027-01-28" and sent["recorded_at"][:10] == "2027-02-02"
    assert "28. januar 2027" in bot.say("logg", as_=person).text
    before = bot.snapshot()
    ahead = bot.say(f"oppdrag NFR sendt 20. februar {region}", as_=person)
    assert not ahead.ok and "20. februar 2027" in ahead.text, ahead.text
    assert bot.snapshot() == before


def test_nynorsk_help_for_signer_shows_one_confirm_word() -> None:
    """Walk 23 #7: the nynorsk help's syntax said «[stadfest]» and its example «signer 2027 bekreft»."""
    bot = make_bot(at=oslo(2027, 2, 2, 10))
    nynorsk = bot.say("hjelp signer", as_="per").text
    assert "«signer 2027 stadfest»" in nynorsk and "bekreft" not in nynorsk, nynorsk
    assert "«signer 2027 bekreft»" in bot.say("hjelp signer", as_="kari").text
