"""Walk 18 (fixal): what an admin's bindings say, and where (F6 F7 F11 F13 F16)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


def _admin(bot, text: str, channel: str = "C0NASJONAL"):  # type: ignore[no-untyped-def]
    return bot.say(text, as_="U0ADMIN", channel=channel, platform="slack")


@pytest.mark.parametrize(("form", "registered"), [("nb", "registrerte"), ("nn", "registrerte")])
def test_a_role_given_is_in_the_partys_logg_and_told_in_its_channel(form: str, registered: str) -> None:
    """F6: `person … vestland koordinator` is in Vestland's `logg` and told in Vestland's channel."""
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    assert bot.say(f"målform {form}", as_="U0PER", channel="C0VESTLAND", platform="slack").ok
    assert _admin(bot, "person <@U0ZZ> vestland koordinator Ingrid Haugen").ok
    told = {(a.to.channel_id, a.reply.text) for a in bot.last.announcements}
    assert any(channel == "C0VESTLAND" and "Ingrid Haugen" in text for channel, text in told), told
    log = bot.say("logg", as_="U0PER", channel="C0VESTLAND", platform="slack").text
    assert "Ingrid Haugen" in log and "koordinator for Vestland fylkeskommune" in log, log


@pytest.mark.parametrize(
    ("form", "member", "adviser"), [("nb", "AU-medlem", "rådgiver"), ("nn", "AU-medlem", "rådgjevar")]
)
def test_the_national_logg_names_roles_in_words(form: str, member: str, adviser: str) -> None:
    """F7: the national `logg` says «koordinator for Vestland fylkeskommune», «AU-medlem», not role keys."""
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    assert _admin(bot, f"målform {form}").ok
    assert _admin(bot, "person <@U0ZZ> vestland koordinator Ingrid Haugen").ok
    assert _admin(bot, "person <@U0AV> AU au Aud Vikstøl").ok
    assert _admin(bot, "koble organisasjon ks.no agder").ok
    log = _admin(bot, "logg").text
    assert "koordinator for Vestland fylkeskommune" in log and member in log and adviser in log, log
    for key in ("coordinator", "au_member", "adviser", " vestland"):
        assert key not in log, log


@pytest.mark.parametrize(
    ("form", "words", "wrong"),
    [
        ("nb", ("slapp inn", "rådgiver", "forespørsel"), ("førespurnad",)),
        ("nn", ("slepte inn", "rådgjevar", "førespurnad"), ("forespørsel", "rådgiver")),
    ],
)
def test_an_answered_join_reads_in_one_form_in_logg(form: str, words: tuple[str, ...], wrong: tuple[str, ...]) -> None:
    """F11: the admin's «opptak ja» is in the reader's form throughout, whatever form the admin wrote in."""
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    assert _admin(bot, "koble region rogaland", channel="C0ROG").ok
    assert bot.say("bli med", as_="U0NEW", channel="C0ROG", platform="slack").ok
    assert _admin(bot, "opptak ja 1").ok
    assert _admin(bot, f"målform {form}").ok
    log = _admin(bot, "logg", channel="C0ROG").text
    for word in words:
        assert word in log, log
    for word in wrong:
        assert word not in log, log


def test_a_new_national_status_link_takes_the_feeds_word() -> None:
    """F13: `kalender ny-lenke status nasjonal` renews the national status page, as `… status` does."""
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    reply = bot.say("kalender ny-lenke status nasjonal", as_="admin", channel="nasjonal")
    assert reply.ok and "nasjonale statussiden" in reply.text, reply.text


def test_an_organisation_for_au_reads_au_as_the_party() -> None:
    """F16: `koble organisasjon regjeringen.no AU` binds AU's organisation as AU members."""
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    reply = _admin(bot, "koble organisasjon regjeringen.no AU")
    assert reply.ok and "AU-medlem" in reply.text and "arbeidsutvalg" in reply.text, reply.text
    adviser = _admin(bot, "koble organisasjon ks.no agder")
    assert adviser.ok and "rådgiver for Agder fylkeskommune" in adviser.text, adviser.text
