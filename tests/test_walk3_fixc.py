"""Walk 3 findings fixed on branch fixc: the signing buttons after the deadline, who is told to re-sign,
Monday deadlines, the unsigned agreement in `neste`, optional items that are done, the plan period."""

from __future__ import annotations

from bot.messages import Button
from bot.reminders.passes import plan_digests
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text

SIGNERS = {"agder": "kari", "IN": "ola", "SIVA": "siri", "NFR": "nils", "RFF": "rita"}


def _signing_buttons(buttons: tuple[Button, ...] | list[Button]) -> list[str]:
    return [b.command for b in buttons if b.command.startswith("signer")]


def _voided_by_a_second_text() -> BotDriver:
    """Walk 3's setup: everyone signs version 1 in January 2027 but RFF, then version 2 voids them all."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for party in ("agder", "IN", "SIVA", "NFR"):
        assert bot.say(f"signer {party} agder 2027", as_=SIGNERS[party]).ok
    bot.set_time(2027, 1, 13, 9)
    register_text(bot, year=2027, version=2)
    return bot


def test_after_the_deadline_every_signing_button_carries_the_confirm_word_and_is_accepted() -> None:
    """Walk 3, #1/#9: `neste` and `status` offered «signer IN agder 2027 versjon 2» after 31 January, which is
    always refused («Skriv det samme med «bekreft»»); the digest's button had «bekreft». One rule now."""
    bot = _voided_by_a_second_text()
    in_january = _signing_buttons(bot.say("neste", as_="ola", channel="in").buttons)
    assert in_january == ["signer IN agder 2027 versjon 2"]
    bot.set_time(2027, 3, 1, 9)
    late = _signing_buttons(bot.say("neste", as_="ola", channel="in").buttons)
    assert late == ["signer IN agder 2027 versjon 2 bekreft"]
    status = _signing_buttons(bot.say("status", as_="kari").buttons)
    assert status and all(command.endswith(" bekreft") for command in status)
    assert "signer for agder 2027 versjon 2 bekreft" in status
    assert bot.say(late[0], as_="ola", channel="in").ok
    # Nynorsk: Vestland's coordinator sees the nynorsk confirm word on the same kind of button.
    bot.set_time(2027, 1, 14, 9)
    record_all_preconditions(bot, year=2027, region="vestland")
    bot.set_time(2027, 2, 2, 9)
    nynorsk = _signing_buttons(bot.say("status", as_="per").buttons)
    assert nynorsk and all(command.endswith(" stadfest") for command in nynorsk)
    assert bot.say(nynorsk[0], as_="per").ok


def _digest(bot: BotDriver, channel: str) -> str:
    found = [
        d.reply.text
        for d in plan_digests(core=bot.core, at=bot.clock.now())
        if d.to.platform == "terminal" and d.to.channel_id == channel
    ]
    return found[0] if found else ""


def test_after_the_deadline_every_party_that_must_sign_again_is_told() -> None:
    """Walk 3, #2: a new text voided Agder's, IN's, SIVA's and NFR's signatures; after 31 January only the
    region's channel heard of the signing, and its line named the region alone. Now the region's line names
    every missing party, and each actor whose signature was voided hears it in its own channel."""
    bot = _voided_by_a_second_text()
    bot.set_time(2027, 2, 1, 9)
    # Each of them signed version 1: said so, not «har ikke signert» (walk 8 N12).
    region = _digest(bot, "agder")
    assert (
        "Agder signerte versjon 1; må signere versjon 2 på nytt: «signer 2027 bekreft»; mangler også signatur fra Innovasjon Norge, Siva, Norges forskningsråd, Regionale forskningsfond"
        in region
    )
    actor = _digest(bot, "in")
    assert (
        "Signering" in actor
        and "Innovasjon Norge signerte versjon 1; må signere versjon 2 på nytt: «signer agder 2027 bekreft»" in actor
    )
    # Nynorsk: the same for Vestland, in its written form.
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    for party, person in (("vestland", "per"), ("IN", "ola")):
        assert bot.say(f"signer {party} vestland 2027", as_=person).ok
    bot.set_time(2027, 1, 13, 9)
    register_text(bot, year=2027, region="vestland", version=2)
    bot.set_time(2027, 2, 1, 9)
    assert (
        "Vestland signerte versjon 1; må signere versjon 2 på nytt: «signer 2027 stadfest»; manglar òg signatur frå Innovasjon Norge"
        in _digest(bot, "vestland")
    )


def test_a_monday_deadline_is_overdue_on_tuesday_in_the_digest_as_in_neste() -> None:
    """Walk 3, #15: the signing 2028 is due Monday 31 January 2028; on Tuesday `neste` says «1 dag på
    overtid», and the digest told it only on Wednesday («2 dager på overtid»). README: the first working
    day after the deadline."""
    bot = make_bot(at=oslo(2028, 2, 1, 9))
    assert "(1 dag på overtid)" in bot.say("neste", as_="kari").text
    agder = _digest(bot, "agder")
    assert "Agder · Signering 2028: frist var 31. januar 2028 (1 dag på overtid)" in agder, agder
    vestland = _digest(bot, "vestland")
    assert "Vestland · Signering 2028: fristen var 31. januar 2028 (1 dag på overtid)" in vestland, vestland


def test_neste_keeps_the_unsigned_agreement_of_last_cycle_that_the_digest_and_oversikt_count() -> None:
    """Walk 3, #8: on 1 February 2028 (366 days after its deadline) `neste` dropped the unsigned agreement
    2027, while `oversikt` and the digest still counted it. It stays, named with its year."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer IN agder 2027", as_="ola").ok
    bot.set_time(2027, 12, 14, 10)  # Agder's own signature still owed: an item of its own (walk 14b F11)
    assert "Signering av samarbeidsavtalen 2027" in bot.say("neste", as_="kari").text
    bot.set_time(2028, 2, 1, 9)
    neste = bot.say("neste", as_="kari").text
    assert "Ikke fullført fra tidligere sykluser:" in neste and "Signering 2027" in neste, neste
    assert "Signering 2027" in bot.say("oversikt", as_="aud", channel="nasjonal").text
    assert "Signering 2027" in bot.say("neste", as_="per").text  # nynorsk: the same line for Vestland


def test_optional_assignments_are_never_shown_overdue_and_are_done_once_every_answer_is_in() -> None:
    """Walk 3, #3/#11: `oversikt` and `status` marked the optional assignment agreements ⚠ «på overtid»
    after 31 January, though README says an optional item is never overdue."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("oppdrag IN sendt", as_="kari").ok and bot.say("oppdrag SIVA ingen", as_="kari").ok
    bot.set_time(2027, 2, 1, 9)
    overview = bot.say("oversikt", as_="aud", channel="nasjonal").text
    assert not [line for line in overview.splitlines() if "Oppdragsavtaler" in line and "⚠" in line], overview
    for who, heading, open_words in (
        ("kari", "Oppdragsavtaler sendt virkemiddelaktørene 2027", "31. januar 2027 (valgfritt, ikke på overtid)"),
        ("per", "Oppdragsavtalar sende til verkemiddelaktørane 2027", "31. januar 2027 (valfritt, ikkje på overtid)"),
    ):
        status = bot.say("status", as_=who).text
        block = status.split(heading, 1)[1].split("\n•", 1)[0]
        assert f"• {heading}" in status and f"⚠ {heading}" not in status, status
        assert open_words in block and "overtid)" not in block.replace(open_words, ""), block
    for actor in ("NFR", "RFF"):
        assert bot.say(f"oppdrag {actor} ingen", as_="kari").ok
    block = bot.say("status", as_="kari").text.split("Oppdragsavtaler sendt virkemiddelaktørene 2027", 1)[1]
    assert "Ferdig" in block.split("\n•", 1)[0], block


def test_status_says_when_no_plan_period_frames_the_cycle_and_how_to_set_one() -> None:
    """Walk 3, #10: with app.yaml's 2024–2027, `status` in cycle 2028 had no «Regional plan» at all."""
    bot = make_bot(at=oslo(2028, 2, 1, 9))
    for who, expected in (
        (
            "kari",
            "Planperiode: ingen registrert for syklus 2028 (2024–2027 er utløpt). Koordinatoren skriver «plan 2028–2031»",
        ),
        (
            "per",
            "Planperiode: ingen registrert for syklus 2028 (2024–2027 er gått ut). Koordinatoren skriv «plan 2028–2031»",
        ),
    ):
        assert expected in bot.say("status", as_=who).text
    assert bot.say("plan 2028–2031", as_="kari").ok  # the command it names is accepted
    assert "Planperiode: 2028–2031" in bot.say("status", as_="kari").text
