"""The agreement text as versions (`avtale`), signatures bound to a version, and the receipt (`kvittering`)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from types import MappingProxyType

import pytest

from adapters.terminal import run_chat
from bot.agreement.versions import versions
from bot.messages import Attachment, ChannelAddress, Request
from tests.driver import TEXT_SHA, BotDriver, make_bot, oslo, record_all_preconditions, register_text, text_command
from tests.helpers import assert_recorded, assert_refused

PARTIES = ("agder", "IN", "SIVA", "NFR", "RFF")
SIGNERS = {"agder": "kari", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}


def ready(bot: BotDriver) -> None:
    record_all_preconditions(bot, year=2027)


def sign(bot: BotDriver, party: str, *, extra: str = "") -> str:
    reply = bot.say(f"signer {party} agder 2027{extra}", as_=SIGNERS[party])
    assert reply.ok, reply.text
    return reply.text


def test_avtale_registers_versions_and_lists_them() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert "Ingen versjon er registrert ennå" in bot.say("avtale", as_="kari").text
    assert "Hvilken region" in bot.say("avtale", as_="ola", channel="in").text
    assert "Ingen versjon er registrert ennå" in bot.say("avtale agder 2027", as_="ola").text
    first = assert_recorded(bot, text_command(year=2027), as_="kari")
    assert first.title == "Avtaletekst versjon 1 registrert" and f"sha256 {TEXT_SHA[:12]}" in first.text
    bot.set_time(2027, 1, 8, 14)
    assert_recorded(bot, "avtale https://dok.fylke.no/agder/avtale-2027-endelig.pdf", as_="kari")
    listing = bot.say("avtale", as_="kari")
    assert "2 versjoner" in listing.text and "Versjon 1" in listing.text and "Versjon 2" in listing.text
    assert "ikke kjent (bare lenke)" in listing.text and TEXT_SHA in listing.text
    [one, two] = versions(bot.core.state, region="agder", year=2027)
    assert (one.number, one.sha256, one.person, one.at) == (1, TEXT_SHA, "kari", "2027-01-05T09:00:00+01:00")
    assert (two.number, two.sha256, two.at[:10]) == (2, None, "2027-01-08")
    status = bot.say("status agder 2027", as_="ola")
    assert "Avtaletekst: versjon 2 (uten sjekksum): https://dok.fylke.no/agder/avtale-2027-endelig.pdf" in status.text


@pytest.mark.parametrize(
    ("text", "contains"),
    [
        ("avtale foo", "«foo» er ikke en lenke"),
        ("avtale ftp://example.no/a.pdf", "er ikke en lenke"),
        ("avtale https://dok.fylke.no/a.pdf sha256:abc123", "64 heksadesimale tegn"),
        (f"avtale https://dok.fylke.no/a.pdf sha256:{'g' * 64}", "64 heksadesimale tegn"),
        (f"avtale https://dok.fylke.no/a.pdf sha256:{'a' * 65}", "64 heksadesimale tegn"),
        ("avtale https://dok.fylke.no/a.pdf https://dok.fylke.no/b.pdf", "Skriv én lenke"),
        ("avtale javascript:alert(1)", "er ikke en lenke"),
        ("avtale https://dok.fylke.no/" + "a" * 1200, "Lenken er for lang"),
    ],
)
def test_bad_input_is_one_sentence_and_records_nothing(text: str, contains: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    reply = assert_refused(bot, text, as_="kari", contains=contains)
    assert reply.text.endswith(".") and len(reply.text) < 220 and "\n" not in reply.text


def test_a_file_the_bot_cannot_read_records_nothing() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    before = bot.snapshot()
    unreadable = Attachment(name="avtale.pdf", url="https://files.example/avtale.pdf", error="HTTP 403")
    outcome = bot.core.handle(
        Request(platform="slack", user_id="U0KARI", channel_id="C0AGDER", text="avtale", attachments=(unreadable,))
    )
    assert not outcome.reply.ok and outcome.reply.text.startswith("Jeg fikk ikke lest filen «avtale.pdf»")
    assert bot.snapshot() == before


def test_a_typed_checksum_must_match_the_file() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    shared = Attachment(name="a.pdf", url="https://files.example/a.pdf", sha256="1" * 64, size=10)
    outcome = bot.core.handle(
        Request(
            platform="slack",
            user_id="U0KARI",
            channel_id="C0AGDER",
            text=f"avtale sha256:{'2' * 64}",
            attachments=(shared,),
            fields=MappingProxyType({}),
        )
    )
    assert not outcome.reply.ok and "stemmer ikke med filen" in outcome.reply.text
    assert versions(bot.core.state, region="agder", year=2027) == []


def test_only_the_regions_coordinators_register_the_text() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert_refused(bot, "avtale agder https://dok.fylke.no/a.pdf", as_="ola", contains="Bare koordinatorene i Agder")
    assert_refused(bot, "avtale agder https://dok.fylke.no/a.pdf", as_="per", channel="agder", contains="Bare")


def test_a_local_path_in_the_terminal_is_hashed(tmp_path: Path) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    safe = tmp_path / "avtale.pdf"
    safe.write_bytes(b"%PDF avtale" * 100)
    out = io.StringIO()
    run_chat(
        bot.core, user_id="kari", channel_id="agder", lines=[f"avtale {safe}", "avtale ./finnes-ikke.pdf"], out=out
    )
    [version] = versions(bot.core.state, region="agder", year=2027)
    assert version.sha256 == hashlib.sha256(b"%PDF avtale" * 100).hexdigest() and version.size == 1100
    assert version.link == safe.as_uri() and version.file_name == "avtale.pdf"
    assert "Jeg fikk ikke lest filen «finnes-ikke.pdf»" in out.getvalue()


def test_signing_is_refused_while_no_text_is_registered() -> None:
    bot2 = make_bot(at=oslo(2027, 1, 12, 9))
    for command, person in (
        ("forutsetning statsbudsjett 2027", "aud"),
        ("forutsetning budsjett agder 2027", "kari"),
        ("referat høst 2026 Holdt", "aud"),  # the model's order: the autumn meetings before the treatment
        ("referat høst agder 2026 Holdt", "kari"),
        ("referat politisk agder 2027 Vedtatt", "kari"),
    ):
        bot2.say(command, as_=person)
    for person in ("ola", "siri", "nils", "rita"):
        bot2.say("forutsetning tildelingsbrev 2027", as_=person)
    reply = assert_refused(bot2, "signer", as_="kari", contains="Avtaleteksten er ikke registrert ennå")
    assert "«avtale <lenke>»" in reply.text
    assert not [b for b in bot2.say("status", as_="kari").buttons if b.command.startswith("signer")]


def test_the_confirm_step_shows_version_checksum_and_link() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    ready(bot)
    [button, *_] = [b for b in bot.say("status", as_="kari").buttons if b.command.startswith("signer")]
    assert button.command == "signer for agder 2027 versjon 1"
    assert "versjon 1 (sha256 9f86d081884c)" in button.confirm
    assert "https://dok.fylke.no/agder/samarbeidsavtale-2027-v1.pdf" in button.confirm
    signed = sign(bot, "agder")
    assert "versjon 1 (sha256 9f86d081884c): https://dok.fylke.no/agder/samarbeidsavtale-2027-v1.pdf" in signed
    signature = bot.core.state.signatures(region="agder", year=2027)["agder"]
    assert (signature["version"], signature["sha256"]) == (1, TEXT_SHA)


def test_a_new_version_asks_the_earlier_signers_again_and_completion_waits_for_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    ready(bot)
    sign(bot, "agder")
    sign(bot, "IN")
    bot.set_time(2027, 1, 13, 9)
    changed = register_text(bot, year=2027, version=2)
    assert "må signere på nytt: Agder, Innovasjon Norge" in changed.text
    assert "Må signere: Siva, Norges forskningsråd, Regionale forskningsfond (har ikke signert)." in changed.text
    announced = {a.to: a.reply for a in bot.last.announcements}
    assert ChannelAddress("slack", "C0SIVA") in announced and ChannelAddress("teams", "19:in@thread.tacv2") in announced
    note = announced[ChannelAddress("slack", "C0SIVA")]
    assert note.title == "Avtaleteksten 2027 for Agder fylkeskommune er endret"
    assert "Må signere på nytt: Agder, Innovasjon Norge" in note.text
    # The parties that never signed must sign the new text too, and are told so (walk 7 F14: SIVA's channel
    # heard only who must sign again, and had no button).
    assert "Må signere: Siva, Norges forskningsråd, Regionale forskningsfond (har ikke signert)." in note.text
    assert {m.person for m in note.mentions} == {"kari", "ola"}  # the earlier signers, by mention
    # Each channel carries the buttons of the parties it speaks for (walk 4, M6): SIVA's in SIVA's, IN's in
    # IN's, every party's in the region's own.
    assert [b.command for b in note.buttons] == ["signer SIVA agder 2027 versjon 2"]
    in_teams = announced[ChannelAddress("teams", "19:in@thread.tacv2")]
    assert [b.command for b in in_teams.buttons] == ["signer IN agder 2027 versjon 2"]
    assert [b.command for b in announced[ChannelAddress("slack", "C0AGDER")].buttons] == [
        "signer for agder 2027 versjon 2",  # the region's own names it once (walk 41)
        *(f"signer {party} agder 2027 versjon 2" for party in ("IN", "SIVA", "NFR", "RFF")),
    ]
    status = bot.say("status", as_="kari").text
    assert (
        "Må signere på nytt: Agder (signert på versjon 1, Kari Nordmann), Innovasjon Norge (signert på versjon 1, Ola Berg)"
        in status
    )
    # each party once (walk 17 F-e): the re-signers above, the rest as those who have not signed
    assert (
        "Har ikke signert: Siva, Norges forskningsråd, Regionale forskningsfond" in status
        and "Mangler signatur" not in status
    ), status
    # The same text shared again changes nothing (the signatures on it stand).
    same = bot.say(text_command(year=2027, version=2), as_="kari")
    assert same.ok and same.title == "Allerede registrert" and bot.last.announcements == ()
    assert len(versions(bot.core.state, region="agder", year=2027)) == 2
    # A click on a button from before the change names version 1: refused, never moved on to version 2.
    stale = assert_refused(bot, "signer IN agder 2027 versjon 1", as_="ola", channel="in", contains="endret")
    assert "versjon 2" in stale.text
    for party in ("SIVA", "NFR", "RFF", "agder"):
        assert "er signert av alle parter" not in sign(bot, party, extra=" versjon 2")
    last = bot.say("signer IN agder 2027", as_="ola")
    assert last.title == "Samarbeidsavtalen 2027 for Agder fylkeskommune er signert av alle parter"
    assert "Alle har signert versjon 2" in last.text
    signatures = bot.core.state.signatures(region="agder", year=2027)
    assert {sig["version"] for sig in signatures.values()} == {2} and set(signatures) == set(PARTIES)


def test_the_receipt_as_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    from adapters.cli import main
    from storage.tinydb_store import TinyDBStore

    store = TinyDBStore(tmp_path / "db")
    bot = make_bot(at=oslo(2027, 1, 12, 9), store=store)
    ready(bot)
    sign(bot, "agder")
    bot.set_time(2027, 1, 12, 13, 5)
    bot.say("signer agder 2027", as_="U0OLA", platform="slack", channel="C0INAGDER")
    reply = bot.say("kvittering", as_="kari")
    assert reply.ok and reply.visibility == "private" and bot.last.announcements == ()
    assert reply.title == "Kvittering: samarbeidsavtalen 2027 for Agder fylkeskommune"
    for needle in (
        "Versjon: 1",
        f"SHA-256: {TEXT_SHA}",
        "Lenke: https://dok.fylke.no/agder/samarbeidsavtale-2027-v1.pdf",
        "Agder fylkeskommune: Kari Nordmann, 12.01.2027 kl. 09.00 (Europe/Oslo), terminal, kanal agder, versjon 1",
        "Innovasjon Norge: Ola Berg, 12.01.2027 kl. 13.05 (Europe/Oslo), Slack, kanal C0INAGDER, versjon 1",
        "mangler signatur fra Siva, Norges forskningsråd, Regionale forskningsfond",
        "Kjeden: i orden",
    ):
        assert needle in reply.text, needle
    store.close()
    monkeypatch.setenv("SAMHANDLING_DB", str(tmp_path / "db"))
    monkeypatch.setenv("SAMHANDLING_CONFIG", str(Path(__file__).resolve().parent.parent / "app.yaml"))
    assert main(["kvittering", "agder", "2027", "--json"]) == 0
    receipt = json.loads(capsys.readouterr().out)
    assert (receipt["version"], receipt["sha256"], receipt["complete"]) == (1, TEXT_SHA, False)
    assert [(s["party"], s["name"], s["platform"], s["at_oslo"]) for s in receipt["signatures"]] == [
        ("agder", "Kari Nordmann", "terminal", "12.01.2027 kl. 09.00"),
        ("IN", "Ola Berg", "slack", "12.01.2027 kl. 13.05"),
    ]
    assert len(receipt["history_head"]) == 64 and receipt["history_ok"] is True
    assert main(["kvittering", "agder", "2027"]) == 0
    assert f"SHA-256: {TEXT_SHA}" in capsys.readouterr().out
    assert main(["kvittering", "atlantis", "2027"]) == 2


def test_a_text_registered_when_all_else_is_ready_announces_ready_to_sign() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    for command, person in (
        ("forutsetning statsbudsjett 2027", "aud"),
        ("forutsetning budsjett agder 2027", "kari"),
        ("referat høst 2026 Holdt", "aud"),  # the model's order: the autumn meetings before the treatment
        ("referat høst agder 2026 Holdt", "kari"),
        ("referat politisk agder 2027 Vedtatt", "kari"),
    ):
        bot.say(command, as_=person)
    for person in ("ola", "siri", "nils", "rita"):
        bot.say("forutsetning tildelingsbrev 2027", as_=person)
    register_text(bot, year=2027)
    titles = {a.reply.title for a in bot.last.announcements}
    assert titles == {"Klar til signering: samarbeidsavtalen 2027 for Agder fylkeskommune"}
    [to_in] = [a.reply for a in bot.last.announcements if a.to == ChannelAddress("terminal", "in")]
    assert "signer IN agder 2027 versjon 1" in [b.command for b in to_in.buttons]
    bot.say(text_command(year=2027, version=2), as_="kari")
    stale = bot.say("signer IN agder 2027 versjon 1", as_="ola", channel="in")
    assert not stale.ok and "«signer IN agder 2027 versjon 2»" in stale.text


def test_without_a_year_the_receipt_is_of_the_agreement_with_a_text() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    register_text(bot, year=2027)
    assert bot.say("kvittering", as_="kari").title == "Kvittering: samarbeidsavtalen 2027 for Agder fylkeskommune"
    assert "Versjon 1" in bot.say("avtale", as_="kari").text
    bot.set_time(2027, 6, 1, 9)
    assert bot.say("kvittering agder", as_="ola").title == "Kvittering: samarbeidsavtalen 2027 for Agder fylkeskommune"


def test_a_new_text_tells_the_parties_that_never_signed_in_nynorsk_too() -> None:
    # Walk 7 F14, in Vestland's written form: the parties that never signed are named beside those who must
    # sign again.
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    assert bot.say("signer vestland vestland 2027", as_="per", channel="vestland").ok
    changed = register_text(bot, year=2027, region="vestland", version=2)
    assert "må signere på nytt: Vestland" in changed.text
    assert (
        "Må signere: Innovasjon Norge, Siva, Noregs forskingsråd, Regionale forskingsfond (har ikkje signert)."
        in changed.text
    )
