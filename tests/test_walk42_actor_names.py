"""Walk 42: an actor's adviser read the actors' codes in prose. `neste` in Innovasjon Norge's channel on
5 January said «15 avtaler venter på: Tildelingsbrev – SIVA (15 regioner), Tildelingsbrev – NFR …», and the
morning reminder in Siva's channel said «SIVA forbereder seg til møtet»: the codes one types in a command,
where `status` names the parties («Tildelingsbrev mottatt – Siva»)."""

from __future__ import annotations

from datetime import date

from bot.reminders.passes import plan_digests
from tests.driver import make_bot, oslo, signing_open
from tests.test_model_timing import days_saying, posted


def test_the_letters_an_agreement_waits_for_name_their_actors() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    text = bot.say("neste", as_="ola", channel="in").text
    assert "Tildelingsbrev – Siva (15 regioner)" in text, text
    assert "Tildelingsbrev – Norges forskningsråd" in text, text
    assert "– SIVA" not in text and "– NFR" not in text and "– RFF" not in text, text


def test_the_reminder_names_the_actor_that_prepares_for_a_dated_meeting() -> None:
    bot = make_bot(at=oslo(2026, 12, 21, 9))
    assert bot.say("dato høst agder 2026 30. desember kl 10 bekreft", as_="kari").ok
    posts = posted(bot, "siva", start=date(2026, 12, 21), end=date(2026, 12, 31))
    told = days_saying(posts, "møtet 30. desember 2026")
    assert told, posts
    assert all("Siva forbereder seg" in posts[day] and "SIVA forbereder" not in posts[day] for day in told), posts


def test_the_national_weekly_overview_names_the_parties_that_have_not_signed() -> None:
    """AU's Monday overview on 11 January said «Avtale 2027: Agder: mangler fylkeskommunen, SIVA, NFR» while the
    signing reply it follows said «Mangler fortsatt: Agder, Siva, Norges forskningsråd»."""
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    nasjonal = next(d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == "nasjonal")
    text = nasjonal.reply.text
    assert "Ikke signert" in text, text
    assert "mangler fylkeskommunen, Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond" in text
    assert ", SIVA" not in text and "NFR" not in text, text


def test_status_names_the_parties_that_signed_as_it_names_those_missing() -> None:
    """`status agder` on 11 January read «Signert: IN (Ola Berg, 11. januar 2027)» above «Mangler signatur:
    Agder, Siva, Norges forskningsråd …»: one line in codes, the next in names."""
    bot = signing_open(region="agder")
    assert bot.say("signer agder", as_="ola", channel="in").ok
    status = bot.say("status agder", as_="ola", channel="in").text
    assert "Signert: Innovasjon Norge (Ola Berg, " in status, status
    assert "Mangler signatur: Agder, Siva, Norges forskningsråd, Regionale forskningsfond" in status, status


def test_after_the_deadline_the_actor_and_au_read_who_has_not_signed_by_name() -> None:
    """3 February: Forskningsrådet's morning digest said «NFR har ikke signert: «signer agder 2027 bekreft»», and
    AU's `neste` «Signering venter på andre: Agder (signatur fra NFR, RFF)»."""
    bot = signing_open(region="agder", year=2027)
    for who, command in (("kari", "signer"), ("ola", "signer agder"), ("siri", "signer agder")):
        assert bot.say(command, as_=who).ok, (who, command)
    bot.set_time(2027, 2, 3, 9)
    digests = {d.to.channel_id: d.reply.text for d in plan_digests(core=bot.core, at=bot.clock.now())}
    assert "Norges forskningsråd har ikke signert: «signer agder 2027 bekreft»" in digests["nfr"], digests["nfr"]
    assert "NFR har ikke" not in digests["nfr"]
    text = bot.say("neste", as_="aud", channel="nasjonal").text
    assert "Agder (signatur fra Norges forskningsråd, Regionale forskningsfond)" in text, text
    assert "signer agder 2027 bekreft" in digests["nfr"]
    assert bot.say("signer agder 2027 bekreft", as_="nils", channel="nfr").ok  # typed as shown, it signs


def test_a_county_refused_another_regions_agreement_reads_its_parties_by_name() -> None:
    """Kari typed «signer vestland» on 12 January and read «Partene er: Vestland, IN, SIVA, NFR, RFF.»"""
    bot = signing_open(region="vestland")
    before = bot.snapshot()
    reply = bot.say("signer vestland", as_="kari", channel="agder")
    assert not reply.ok
    assert (
        "Partene er: Vestland, Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond." in reply.text
    ), reply.text
    assert bot.snapshot() == before


def test_an_adviser_reading_nynorsk_is_pointed_to_one_overview_word() -> None:
    """Forskningsrådet's adviser on nynorsk read «13 avtalar til ventar på andre (skriv «oversikt»). Skriv
    «oversyn» for alle regionane» in one `neste`: two words for one command. Nynorsk says «oversyn» throughout."""
    bot = signing_open(region="agder")
    assert bot.say("målform nn", as_="nils", channel="nfr").ok
    text = bot.say("neste", as_="nils", channel="nfr").text
    assert "ventar på andre (skriv «oversyn»)" in text and "«oversikt»" not in text, text
    assert bot.say("oversyn", as_="nils", channel="nfr").text.startswith("Oversyn – syklus 2027")


def test_the_national_log_in_an_actors_channel_names_the_actor() -> None:
    """`logg` in Innovasjon Norge's channel on 9 February: «det IN har registrert for en region …»."""
    bot = make_bot(at=oslo(2027, 2, 9, 9))
    text = bot.say("logg", as_="ola", channel="in").text
    assert "det Innovasjon Norge har registrert for en region" in text, text
    assert "det IN har" not in text, text
