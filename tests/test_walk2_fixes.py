"""The second year walk's findings, driven as a person would (tests/driver.py): who may act for a party,
who records the state budget, what `neste` keeps, and what the reminders suggest."""

from __future__ import annotations

import io
from datetime import date

import pytest

from adapters.terminal import run_chat
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.test_model_timing import posted


def _joined(bot: BotDriver, *, who: str, party: str, channel: str, approver: str, name: str) -> str:
    """`who` asks `bli med`, `approver` clicks «Slipp inn»; the approval card's text is returned."""
    asked = bot.say(f"bli med {party}", as_=who, channel=channel, user_name=name)
    number = next(word for word in asked.text.replace(")", " ").split() if word.isdigit())
    answered = bot.say(f"opptak ja {number}", as_=approver, channel=channel)
    assert answered.ok, answered.text
    return asked.text + "\n" + answered.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_regions_adviser_does_not_sign_for_the_county_and_the_card_says_so(lang: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    region, coordinator = ("agder", "kari") if lang == "nb" else ("vestland", "per")
    record_all_preconditions(bot, year=2027, region=region)
    said = _joined(bot, who="nyperson", party=region, channel=region, approver=coordinator, name="Nina Ny")
    if lang == "nb":
        assert "En rådgiver kan lese alt og lukke oppfølgingspunkter" in said, said
        assert "signering gjør fortsatt koordinatorene" in said
        assert "slapp Nina Ny inn som rådgiver" in said and "slapp deg inn" not in said
    else:
        assert "signering gjer framleis koordinatorane" in said, said
        assert "slepte deg inn" not in said
    shown = bot.say("neste", as_="nyperson", channel=region)
    assert not any(button.command.startswith("signer") for button in shown.buttons), shown.buttons
    before = bot.snapshot()
    refused = bot.say("signer", as_="nyperson", channel=region)
    assert not refused.ok and ("koordinatorer" in refused.text or "koordinatorane" in refused.text), refused.text
    budget = bot.say(f"forutsetning budsjett {region} 2028", as_="nyperson", channel=region)
    assert not budget.ok and "budsjett" in budget.text
    assert bot.snapshot() == before
    assert bot.say("signer", as_=coordinator, channel=region).ok


def test_an_actors_adviser_signs_for_the_actor_and_the_receipt_shows_the_name() -> None:
    """Issue 20's done-means: an adviser of IN signs for IN; the receipt names the person, not an id."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    said = _joined(bot, who="u123", party="IN", channel="in", approver="admin", name="Nora Nilsen")
    assert "signere samarbeidsavtalene for Innovasjon Norge" in said, said
    # IN has no coordinator in app.yaml: the newcomer and the card say an administrator answers (finding D).
    assert "Koordinatorene for Innovasjon Norge" not in said and "en administrator svarer" in said, said
    assert bot.say("signer agder", as_="u123", channel="in").ok
    receipt = bot.say("kvittering agder 2027", as_="kari")
    assert "Nora Nilsen" in receipt.text and "u123" not in receipt.text, receipt.text


def test_a_name_the_platform_gives_later_replaces_a_stored_raw_id() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    _joined(bot, who="u456", party="SIVA", channel="siva", approver="admin", name="")
    assert bot.say("signer agder", as_="u456", channel="siva", user_name="Sara Siv").ok
    assert "Sara Siv" in bot.say("kvittering agder 2027", as_="kari").text


def test_adviser_not_relevant_refusal_names_the_write() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    _joined(bot, who="nyperson", party="vestland", channel="vestland", approver="per", name="Nils Ny")
    refused = bot.say("ikkje aktuelt oppdrag 2027", as_="nyperson", channel="vestland")
    assert not refused.ok and "markere eit punkt som ikkje aktuelt" in refused.text, refused.text


@pytest.mark.parametrize(
    ("who", "signing"), [("kari", "Signering av samarbeidsavtalen"), ("per", "Signering av samarbeidsavtalen")]
)
@pytest.mark.parametrize("day", [(2027, 1, 20), (2027, 2, 10), (2028, 2, 10)])
def test_neste_keeps_the_regions_own_signing_and_drops_the_farthest(
    who: str, signing: str, day: tuple[int, int, int]
) -> None:
    """Empty state: the region's own signing (due, then overdue) is in its `neste` in both written forms,
    before other parties' late letters, and a meeting most of a year away is not shown beside overdue work."""
    bot = make_bot(at=oslo(*day, 10, 0))
    shown = bot.say("neste", as_=who).text
    assert f"{signing} {day[0]}" in shown, shown
    assert "325 dag" not in shown and "høst 2028" not in shown and "haust 2028" not in shown, shown
    if day[1] == 2:
        assert shown.index(f"⚠ {signing}") < shown.index("⚠ Tildelingsbrev"), shown


@pytest.mark.parametrize(("region", "who", "confirm"), [("agder", "kari", "bekreft"), ("vestland", "per", "stadfest")])
def test_the_signing_reminder_suggests_the_command_that_works(region: str, who: str, confirm: str) -> None:
    """A region that has not signed is told «signer 2027» in January and «signer 2027 bekreft» once the
    window has closed, and typing exactly that signs."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region=region)
    january = posted(bot, region, start=date(2027, 1, 12), end=date(2027, 1, 31))
    said = _lines_saying(january, "signer")
    assert said and all(f"signer {region} {region}" not in text for text in said), said
    assert any("«signer 2027»" in text for text in said), said
    april = posted(bot, region, start=date(2027, 4, 20), end=date(2027, 4, 30))
    said = _lines_saying(april, "signer")
    assert said and any(f"«signer 2027 {confirm}»" in text for text in said), said
    bot.set_time(2027, 4, 30, 10)
    assert bot.say(f"signer 2027 {confirm}", as_=who, channel=region).ok


def _lines_saying(posts: dict[date, str], needle: str) -> list[str]:
    """The digest lines (not the buttons, which name region and version for a click) that say `needle`."""
    return [
        line for text in posts.values() for line in text.splitlines() if needle in line and not line.startswith("[")
    ]


def test_oversikt_of_next_year_headlines_that_cycle_not_last_years_backlog() -> None:
    """November 2027, nothing recorded: `oversikt 2028` speaks of 2028; this year's `oversikt` no longer
    counts the autumn meeting of 2026 once the 2028 agreement's preparation has opened (F13)."""
    bot = make_bot(at=oslo(2027, 11, 30, 10))
    ahead = bot.say("oversikt 2028", as_="aud").text.split("\n\n", 1)[0]
    assert "2027 (" not in ahead and "2026 (" not in ahead, ahead
    now = bot.say("oversikt", as_="aud").text.split("\n\n", 1)[0]
    assert "Signering 2027 (15 regioner)" in now and "Dialogmøte høst 2026" not in now, now
    bot.set_time(2027, 1, 20, 10)  # in January the autumn meeting of 2026 is still this season's backlog
    assert "Dialogmøte høst 2026" in bot.say("oversikt", as_="aud").text.split("\n\n", 1)[0]


def test_no_overdue_digest_the_day_after_another() -> None:
    """F12: Monday 31 January 2028 brings the weekly «fortsatt forsinket» digest. Walk 3 (#15) calls the
    F12 answer wrong: the signing, due that Monday, was first announced on Wednesday 2 February while
    `neste` said «1 dag på overtid» on Tuesday. README: the first overdue notice is the first working day
    after the deadline. So this test asserts Tuesday 1 February. Issue 18 brings «never two days running»
    back the other way: Monday's «fortsatt forsinket» lines wait a day and go out with the signing's first
    notice (bot.reminders.folding), so the region hears its late items once that week, on Tuesday."""
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    posts = posted(bot, "vestland", start=date(2027, 9, 1), end=date(2028, 3, 31))
    overdue_days = sorted(day for day, text in posts.items() if "Forseinka" in text or "forseinka" in text)
    assert date(2028, 1, 31) not in overdue_days and date(2028, 2, 1) in overdue_days, overdue_days
    assert "framleis forseinka" in posts[date(2028, 2, 1)], posts[date(2028, 2, 1)]
    assert "Signering 2028" in posts[date(2028, 2, 1)], posts[date(2028, 2, 1)]
    assert "1 dag på overtid" in posts[date(2028, 2, 1)], posts[date(2028, 2, 1)]


@pytest.mark.parametrize(("who", "lang"), [("ola", "nb"), ("rita", "nb")])
def test_an_actors_lead_groups_what_the_agreements_wait_on(who: str, lang: str) -> None:
    """Fifteen untouched regions: one short line per missing thing, a few names at most, no «(1)» list;
    after the deadline the agreements are said to be overdue, not waiting to be signed (walk 2, G)."""
    bot = make_bot(at=oslo(2027, 1, 20, 10))
    lead = bot.say("neste", as_=who).text.split("\n\n", 1)[0]
    assert "15 avtaler venter på: " in lead and "(1)" not in lead, lead
    assert "Fylkesbudsjett (15 regioner: Agder, Akershus, Buskerud og 12 til)" in lead, lead
    assert "Østfold" not in lead and "før signering" not in lead, lead
    bot.set_time(2027, 4, 22, 15)
    lead = bot.say("neste", as_=who).text.split("\n\n", 1)[0]
    assert "15 avtaler er ikke signert (på overtid) og venter på: " in lead, lead


def test_an_actors_lead_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 10))
    bot.say("målform nn", as_="ola", channel="in")
    lead = bot.say("neste", as_="ola", channel="in").text.split("\n\n", 1)[0]
    assert "15 avtalar ventar på: " in lead and "regionar" in lead, lead


def test_an_actors_neste_keeps_a_held_meeting_until_its_minutes() -> None:
    """Finding A: Vestland's autumn meeting on 10 November, no minutes yet: IN's `neste` on 11 November
    still lists it (as `neste vestland` does), beside Agder's coming one."""
    bot = make_bot(at=oslo(2026, 9, 14, 10))
    assert bot.say("dato høstmøte 20. oktober kl 10", as_="aud").ok  # the national meeting it follows is dated first
    assert bot.say("dato haust 10. november kl 9", as_="per").ok
    assert bot.say("dato høst 12. november kl 10", as_="kari").ok
    bot.set_time(2026, 11, 11, 12)
    text = bot.say("neste", as_="ola").text
    assert "Administrativt dialogmøte høst 2026 – Vestland" in text, text
    assert "Administrativt dialogmøte høst 2026 – Agder" in text, text


@pytest.mark.parametrize(("who", "lang"), [("kari", "nb"), ("per", "nn")])
def test_a_follow_up_point_needs_a_text_and_a_past_deadline_is_asked(who: str, lang: str) -> None:
    """Finding U: «@IN innen 1. mai» is only a deadline; «innen forrige uke» is already past."""
    bot = make_bot(at=oslo(2026, 10, 20, 15))
    assert bot.say("referat høstmøte 2026 Holdt", as_="aud").ok
    bot.set_time(2026, 11, 12, 15)
    meeting = "høst" if lang == "nb" else "haust"
    before = bot.snapshot()
    empty = bot.say(f"referat {meeting} Godt møte oppfølging: @IN innen 1. desember", as_=who)
    assert not empty.ok and ("mangler tekst" in empty.text or "manglar tekst" in empty.text), empty.text
    late = bot.say(f"referat {meeting} Godt møte oppfølging: Sende utkast @IN innen forrige uke", as_=who)
    assert not late.ok and "passert" in late.text and "Sende utkast" in late.text, late.text
    assert bot.snapshot() == before
    confirm = "bekreft" if lang == "nb" else "stadfest"
    stored = bot.say(f"referat {meeting} Godt møte oppfølging: Sende utkast @IN innen forrige uke {confirm}", as_=who)
    assert stored.ok and "Sende utkast" in stored.text, stored.text


@pytest.mark.parametrize(
    ("who", "says"), [("kari", "registreres av aktøren selv"), ("per", "vert registrert av aktøren sjølv")]
)
def test_a_county_is_not_offered_an_actors_letter_to_register(who: str, says: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 3, 10))
    reply = bot.say("forutsetning tildelingsbrev 2027", as_=who)
    assert not reply.ok and says in reply.text and "«forutsetning tildelingsbrev IN" not in reply.text, reply.text


def test_an_admin_is_told_plainly_that_no_party_is_theirs() -> None:
    bot = make_bot(at=oslo(2026, 12, 3, 10))
    reply = bot.say("forutsetning tildelingsbrev IN 2027", as_="admin")
    assert not reply.ok and "Du er ikke registrert for noen part" in reply.text, reply.text


def test_more_points_in_an_actors_neste_point_to_a_status_that_lists_them() -> None:
    """Finding S: «… og 2 til (skriv «status»)» in IN's channel, where `status` only asks for a region."""
    bot = make_bot(at=oslo(2026, 10, 20, 15))
    assert bot.say("referat høstmøte 2026 Holdt", as_="aud").ok
    bot.set_time(2026, 11, 12, 15)
    points = "; ".join(f"Punkt {n} @IN innen {n}. desember" for n in range(1, 8))
    assert bot.say(f"referat høst Godt møte oppfølging: {points}", as_="kari").ok
    text = bot.say("neste", as_="ola", channel="in").text
    # walk 26 F4: `neste` pages the asker's own points, whatever meetings they came from («neste side 2»)
    assert "og 2 til (skriv «neste side 2»)" in text, text
    rest = bot.say("neste side 2", as_="ola", channel="in").text
    later = [f"Punkt {n} " for n in range(1, 8) if f"Punkt {n} " not in text]
    assert len(later) == 2 and all(point in rest for point in later) and "Punkt 1 " not in rest, rest
    status = bot.say("status agder", as_="ola", channel="in")
    assert status.ok and all(point in status.text for point in later), status.text


@pytest.mark.parametrize(("who", "meeting"), [("kari", "høst"), ("per", "haust")])
def test_dato_offers_next_years_day_only_when_it_would_be_kept(who: str, meeting: str) -> None:
    """Finding S: «dato haust 2. januar» in December offered 2 January 2027, a Saturday outside the window,
    which the next reply refused. Every command it offers is now one that is kept as typed. Since walk 8's N8,
    «2. januar» typed in December is the coming one (2 January 2027), asked about, never a year back."""
    bot = make_bot(at=oslo(2026, 12, 3, 10))
    reply = bot.say(f"dato {meeting} 2. januar", as_=who)
    assert reply.title in ("Bekreft datoen", "Stadfest datoen") and "2026-01-02" not in reply.text, reply.text
    assert reply.buttons and all("2026-01-02" not in button.command for button in reply.buttons), reply.buttons
    kept = bot.say(reply.buttons[0].command, as_=who)
    assert kept.ok and kept.title.startswith("Dato s") and "2. januar 2027" in kept.text, kept.text


def test_the_only_member_of_a_party_is_asked_before_leaving() -> None:
    """Finding N: ola is IN's only registered person; `forlat IN` asks, `forlat IN bekreft` leaves."""
    bot = make_bot(at=oslo(2027, 2, 10, 10))
    before = bot.snapshot()
    asked = bot.say("forlat IN", as_="ola")
    assert not asked.ok and "eneste" in asked.text and "«forlat IN bekreft»" in asked.text, asked.text
    assert bot.snapshot() == before
    assert bot.say("forlat IN bekreft", as_="ola").ok
    refused = bot.say("forutsetning tildelingsbrev 2027", as_="ola")  # walk 18 F14: told they left, not «ennå»
    assert not refused.ok and "ikke lenger med for Innovasjon Norge" in refused.text, refused.text


@pytest.mark.parametrize(
    ("who", "year", "says", "not_said"),
    [
        ("kari", 2026, "signert før Samhandlingsbot tok over", "mangler signatur"),
        ("per", 2026, "Samhandlingsbot", "manglar signatur"),
        ("kari", 2030, "Ingen avtale 2030 for Agder", "Kjeden"),
        ("per", 2030, "Inga avtale 2030 for Vestland", "Kjeda"),
    ],
)
def test_a_receipt_of_an_agreement_the_bot_has_no_records_of(who: str, year: int, says: str, not_said: str) -> None:
    """Finding V: agreement 2026 predates the bot (not five missing signatures); 2030 has nothing yet."""
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    region = "agder" if who == "kari" else "vestland"
    text = bot.say(f"kvittering {region} {year}", as_=who).text
    assert says in text and not_said not in text, text


@pytest.mark.parametrize(("who", "region"), [("kari", "agder"), ("per", "vestland")])
def test_neste_of_an_actor_in_a_region_channel_is_the_actors_view(who: str, region: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 10, 10))
    text = bot.say("neste nfr", as_=who, channel=region).text
    assert text.startswith("Neste for Norges forskningsråd i"), text
    assert "Du kan gjøre nå for" not in text and "Du kan gjere no for" not in text, text


def test_the_terminal_labels_a_nynorsk_digest_in_nynorsk() -> None:
    """Finding T: `chat --as per` (Vestland writes nynorsk) opened with «[påminnelse] Påminningar …»."""
    bot = make_bot(at=oslo(2026, 10, 1, 9))
    out = io.StringIO()
    run_chat(bot.core, user_id="per", channel_id="vestland", lines=[], out=out)
    assert "[påminning] Påminningar" in out.getvalue() and "[påminnelse]" not in out.getvalue(), out.getvalue()


def test_status_lists_signatures_in_party_order() -> None:
    """Finding E: NFR signs before IN; `status` lists Agder, IN, …, NFR as the receipt does."""
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for who, command in (("kari", "signer"), ("nils", "signer agder"), ("ola", "signer agder")):
        assert bot.say(command, as_=who).ok, (who, command)
    text = bot.say("status", as_="kari").text
    line = next(line for line in text.splitlines() if "Signert:" in line)
    assert line.index("Agder (") < line.index("Innovasjon Norge (") < line.index("Norges forskningsråd ("), line


@pytest.mark.parametrize(
    ("who", "command", "says"),
    [
        ("siri", "signer agder 2028", "mente du «signer agder 2027»?"),
        ("kari", "signer 2028", "mente du «signer 2027»?"),
    ],
)
def test_a_year_slip_when_signing_is_asked_about(who: str, command: str, says: str) -> None:
    """Finding F: agreement 2027 is open and ready; «2028» is a slip, said plainly, nothing stored."""
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    record_all_preconditions(bot, year=2027)
    before = bot.snapshot()
    reply = bot.say(command, as_=who)
    assert not reply.ok and says in reply.text and "Mangler:" not in reply.text, reply.text
    assert bot.snapshot() == before
