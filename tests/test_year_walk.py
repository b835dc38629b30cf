"""One agreement year walked through the commands on a settable clock, September 2026 to January 2028.

Agder's and Vestland's coordinators (kari, per), the actors' advisers (ola, siri, nils, rita) and AU (aud)
use the bot as the model's year goes. Every refused write is checked against the store byte for byte.
"""

from __future__ import annotations

import json
import re

from bot.messages import ChannelAddress, Reply
from bot.model.config import load_config
from tests.driver import DEMO_CONFIG, BotDriver, make_bot, oslo, record_all_preconditions, text_command
from tests.helpers import demo_text, line_no, replace_once
from tests.test_config import problems_of

ACTORS = ("ola", "siri", "nils", "rita")


def store_bytes(bot: BotDriver) -> bytes:
    """The whole store as bytes: every partition, keys sorted."""
    store = bot.core.store
    dump = {name: store.read(name) for name in sorted(store.partitions(""))}
    return json.dumps(dump, sort_keys=True, ensure_ascii=False, default=str).encode()


def refused(
    bot: BotDriver, text: str, *, as_: str, contains: tuple[str, ...] = (), channel: str | None = None
) -> Reply:
    before = store_bytes(bot)
    reply = bot.say(text, as_=as_, channel=channel)
    assert reply.ok is False, f"{text!r} was not refused: {reply.text}"
    assert store_bytes(bot) == before, f"{text!r} was refused but changed the store"
    assert bot.last.announcements == ()
    for needle in contains:
        assert needle in reply.text, f"{needle!r} not in {reply.text!r}"
    return reply


def ok(bot: BotDriver, text: str, *, as_: str, channel: str | None = None) -> Reply:
    reply = bot.say(text, as_=as_, channel=channel)
    assert reply.ok, f"{text!r} was refused: {reply.text}"
    return reply


def sentences(text: str) -> int:
    """Sentences in a reply: a stop followed by a capital ("f.eks. «…»" is not a new sentence)."""
    return len(re.findall(r"[.!?»]\s+[A-ZÆØÅ]", text)) + 1


# --- the current cycle --------------------------------------------------------------------------------------


def test_reads_show_the_calendar_years_cycle_all_year_and_the_next_below_from_its_opening() -> None:
    bot = make_bot(at=oslo(2027, 6, 1, 9))
    reply = ok(bot, "status", as_="per")
    assert reply.title == "Status Vestland fylkeskommune – syklus 2027"
    # Vestland reads nynorsk (app.yaml written_form: nn).
    assert "Regionalt dialogmøte vår 2027" in reply.text and "Administrativt dialogmøte haust 2027" in reply.text
    assert "Førebuing av avtalen 2028" not in reply.text  # nothing of 2028 has opened in June
    bot.set_time(2027, 9, 15, 9)
    reply = ok(bot, "status", as_="per")
    assert reply.title == "Status Vestland fylkeskommune – syklus 2027"
    assert reply.text.index("Administrativt dialogmøte haust 2027") < reply.text.index("Førebuing av avtalen 2028")
    assert "Politisk handsaming av utkast til samarbeidsavtale 2028" in reply.text
    assert "Forberedelse av avtalen 2028" in ok(bot, "oversikt", as_="aud").text
    bot.set_time(2028, 1, 12, 9)
    assert ok(bot, "status", as_="kari").title == "Status Agder fylkeskommune – syklus 2028"
    assert ok(bot, "oversikt", as_="aud").title == "Oversikt – syklus 2028"
    assert ok(bot, "status 2027", as_="kari").title == "Status Agder fylkeskommune – syklus 2027"  # typed wins


def test_oversikt_in_mid_january_is_this_years_agreement_after_one_region_signed() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", *ACTORS):
        ok(bot, "signer agder", as_=person)
    bot.set_time(2027, 1, 15, 9)
    reply = ok(bot, "oversikt", as_="aud")
    assert reply.title == "Oversikt – syklus 2027"
    assert "1 av 15 regioner har signert avtalen 2027" in reply.text


def test_writes_go_to_the_cycle_whose_window_is_open_and_ask_otherwise() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    assert "Oppdragsavtale 2027" in ok(bot, "oppdrag IN sendt", as_="kari").title
    assert "2027" in ok(bot, "forutsetning budsjett", as_="kari").title  # overdue, still this agreement
    bot.set_time(2027, 6, 1, 9)
    assert "Oppdragsavtale 2027" in ok(bot, "oppdrag SIVA sendt", as_="kari").title  # overdue, unfinished
    bot.set_time(2027, 10, 1, 9)  # the preparation of agreement 2028 has opened: no longer a safe guess
    refused(bot, "oppdrag NFR sendt", as_="kari", contains=("oppdrag NFR sendt 2028", "året"))
    assert "Oppdragsavtale 2027" in ok(bot, "oppdrag NFR sendt 2027", as_="kari").title  # a typed year wins
    bot.set_time(2026, 11, 23, 9)
    refused(bot, "forutsetning tildelingsbrev", as_="ola", contains=("forutsetning tildelingsbrev 2027",))


def test_a_second_signer_after_completion_answers_already_signed_for_that_agreement() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", *ACTORS):
        ok(bot, "signer agder", as_=person)
    before = store_bytes(bot)
    again = ok(bot, "signer", as_="kari")
    assert again.title == "Allerede signert" and "avtalen 2027" in again.text
    bot.set_time(2027, 2, 3, 9)
    assert ok(bot, "signer agder", as_="siri").title == "Allerede signert"
    assert store_bytes(bot) == before


# --- the model's order ------------------------------------------------------------------------------------


def test_minutes_wait_for_the_meeting_they_follow_and_for_their_planned_date() -> None:
    bot = make_bot(at=oslo(2027, 10, 1, 9))
    ok(bot, "dato høst 20. oktober kl 10", as_="aud")
    ok(bot, "dato høst 12. november kl 10", as_="kari")
    bot.set_time(2027, 10, 19, 9)
    reply = refused(bot, "referat høst Godt møte", as_="kari", contains=("Nasjonalt temamøte høst", "«bekreft»"))
    assert "§3.2" in reply.text
    refused(bot, "referat høst Holdt", as_="aud", contains=("20. oktober 2027",))  # its own planned date
    bot.set_time(2027, 10, 20, 15)
    ok(bot, "referat høst Del 1 og 2 holdt", as_="aud")
    refused(bot, "referat høst Godt møte", as_="kari", contains=("planlagt 12. november 2027",))
    bot.set_time(2027, 11, 12, 15)
    reply = ok(bot, "referat høst Godt møte oppfølging: Sende utkast @IN", as_="kari")
    assert "Møtet er markert som holdt" in reply.text and "1 oppfølgingspunkt." in reply.text
    status = ok(bot, "status", as_="kari").text
    assert "Ferdig (holdt) 12. november 2027" in status
    assert "Sende utkast (Innovasjon Norge)" in status


def test_spring_minutes_in_january_are_refused_and_bekreft_records_them_marked() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    refused(bot, "referat vår Godt møte", as_="kari", contains=("Nasjonalt temamøte vår", "§3.1", "bekreft"))
    reply = ok(bot, "referat vår Godt møte bekreft", as_="kari")
    assert "utenfor modellens rekkefølge" in reply.text
    doc = bot.tables("cycle/agder/2027")["milestones"]["regional-spring"]
    assert doc["outcome"]["summary"] == "Godt møte" and doc["outside_order"]
    assert "Merknad: Registrert utenfor modellens rekkefølge" in ok(bot, "status", as_="kari").text
    assert "utenfor modellens rekkefølge" in ok(bot, "logg", as_="kari").text


def test_political_treatment_only_after_the_regions_autumn_meeting() -> None:
    bot = make_bot(at=oslo(2026, 11, 20, 9))
    ok(bot, "referat høst Holdt", as_="aud")
    # Per writes in Vestland's channel, which reads nynorsk.
    refused(bot, "referat politisk Vedtatt", as_="per", contains=("Administrativt dialogmøte haust 2026",))
    ok(bot, "referat høst Forslag til ny avtale", as_="per")
    reply = ok(bot, "referat politisk Vedtatt i fylkestinget", as_="per")
    assert "Registrert som handsama" in reply.text and "Møtet er markert" not in reply.text
    reply = ok(bot, "referat handlingsplan Vedtatt", as_="per")
    assert "Registrert som vedteken" in reply.text and "Møtet er markert" not in reply.text
    refused(bot, "referat oppdrag Sendt", as_="per", contains=("oppdrag IN sendt",))


def test_signing_only_in_january_and_never_without_its_preconditions() -> None:
    bot = make_bot(at=oslo(2027, 12, 1, 9))
    record_all_preconditions(bot, year=2028)
    bot.set_time(2027, 12, 28, 9)
    refused(bot, "signer", as_="kari", contains=("signer 2028",))  # no window open: which year?
    refused(bot, "signer 2028", as_="kari", contains=("1. januar 2028", "januar", "bekreft"))
    reply = ok(bot, "signer 2028 bekreft", as_="kari")
    assert bot.core.state.signatures(region="agder", year=2028)["agder"]["outside_order"]
    assert "2028" in reply.text
    refused(bot, "signer vestland 2028 bekreft", as_="ola", contains=("kan ikke signeres ennå", "Mangler"))
    bot.set_time(2028, 1, 12, 9)
    ok(bot, "signer agder", as_="ola")
    status = ok(bot, "status", as_="kari").text
    assert "Registrert utenfor modellens rekkefølge" in status and "Agder:" in status


# --- who sees what -----------------------------------------------------------------------------------------


def test_an_actors_neste_shows_its_ready_signatures_first_naming_the_region() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    bot.set_time(2027, 2, 1, 9)
    reply = ok(bot, "neste", as_="siri")
    titles = [section.title for section in reply.sections if section.title]
    assert titles[:2] == ["Du kan gjøre nå for Siva", "⚠ Signering av samarbeidsavtalen 2027 – Vestland"]
    assert not any(title.startswith("Signering") and "–" not in title for title in titles)
    assert titles.count("⚠ Signering av samarbeidsavtalen 2027 – Vestland") == 1
    assert [b.label for b in reply.buttons if b.label.startswith("Signer")] == ["Signer for SIVA – Vestland"]


def test_au_neste_and_oversikt_say_how_many_regions_are_behind_and_on_what() -> None:
    bot = make_bot(at=oslo(2027, 3, 9, 9))
    for text in (ok(bot, "neste", as_="aud").text, ok(bot, "oversikt", as_="aud").text):
        assert "Alt er i rute" not in text
        assert "15 av 15 regioner er på etterskudd" in text and "Signering 2027 (15 regioner)" in text


def test_the_completed_agreement_is_announced_in_the_national_channel() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", *ACTORS):
        ok(bot, "signer agder", as_=person)
    assert ChannelAddress("terminal", "nasjonal") in {a.to for a in bot.last.announcements}


# --- the wheel's data ------------------------------------------------------------------------------------


def test_optional_assignments_can_be_not_relevant_this_year_and_back() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 9))
    refused(bot, "ikke aktuelt politisk", as_="kari", contains=("fast del av modellen",))
    refused(bot, "ikke aktuelt oppdrag", as_="ola", channel="agder", contains=("Bare Agder",))
    reply = ok(bot, "ikke aktuelt oppdrag", as_="kari")
    assert reply.title == "Oppdragsavtaler sendt virkemiddelaktørene 2027 er ikke aktuelt"
    assert "Status: Ikke aktuelt i år" in ok(bot, "status", as_="kari").text
    assert "ikke aktuelt" in ok(bot, "oversikt", as_="aud").text
    assert ok(bot, "ikke aktuelt oppdrag", as_="kari").title == "Allerede registrert"
    bot.set_time(2027, 3, 1, 9)
    assert "Oppdragsavtaler" not in ok(bot, "neste", as_="kari").text
    ok(bot, "ikke aktuelt oppdrag 2027 angre", as_="kari")
    refused(bot, "ikke aktuelt oppdrag 2027 angre", as_="kari", contains=("ingenting å angre",))


def test_status_shows_participants_parts_plan_period_and_the_storting() -> None:
    bot = make_bot(at=oslo(2027, 10, 1, 9))
    text = ok(bot, "status", as_="kari").text
    assert "Deltakere: Virkemiddelaktørene og fylkeskommunen" in text
    assert "Del 1: Erfaringer fra årets satsinger refereres" in text and "Del 2:" in text
    assert "Planperiode: 2024–2027" in text
    assert "Ansvarlig: Stortinget (registreres av AU)" in ok(bot, "status 2028", as_="kari").text
    refused(bot, "plan 2028–2031", as_="ola", channel="agder", contains=("Bare Agder",))
    refused(bot, "plan 2031–2028", as_="kari", contains=("plan 2028–2031",))
    refused(bot, "plan neste år", as_="kari", contains=("to årstall",))
    ok(bot, "plan 2028–2031", as_="kari")
    # The next period frames the next cycle; this year's status keeps this year's period (issue 18).
    assert "Planperiode: 2028–2031" in ok(bot, "status 2028", as_="kari").text
    assert "Planperiode: 2024–2027" in ok(bot, "status", as_="kari").text
    assert "Planperiode: 2024–2027" in ok(bot, "status", as_="per").text
    assert ok(bot, "plan 2028-2031", as_="kari").title == "Allerede registrert"


def test_sign_buttons_name_the_party() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    labels = [b.label for b in ok(bot, "status", as_="kari").buttons]
    assert "Signer for Agder" in labels and "Signer for agder" not in labels


def test_every_new_refusal_is_short_and_says_what_to_type() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    for text, person in (
        ("referat vår Godt møte", "kari"),
        ("ikke aktuelt politisk", "kari"),
        ("plan neste år", "kari"),
        ("referat oppdrag Sendt", "kari"),
    ):
        reply = refused(bot, text, as_=person)
        assert "«" in reply.text, reply.text
        assert sentences(reply.text.splitlines()[-1]) <= 3, reply.text
    bot.set_time(2027, 10, 1, 9)
    reply = refused(bot, "oppdrag IN sendt", as_="kari")
    assert "«oppdrag IN sendt 2028»" in reply.text and sentences(reply.text.splitlines()[-1]) <= 2


# --- a whole year ------------------------------------------------------------------------------------------


def test_a_whole_agreement_year_september_2026_to_january_2028() -> None:
    bot = make_bot(at=oslo(2026, 9, 15, 9))
    assert ok(bot, "status", as_="kari").title == "Status Agder fylkeskommune – syklus 2026"
    bot.set_time(2026, 10, 1, 9)
    ok(bot, "dato høst 20. oktober kl 10", as_="aud")
    ok(bot, "dato høst 12. november kl 10", as_="kari")
    ok(bot, "dato høst 17. november kl 10", as_="per")
    bot.set_time(2026, 10, 20, 15)
    ok(bot, "referat høst Del 1 og del 2 holdt", as_="aud")
    bot.set_time(2026, 11, 12, 15)
    ok(bot, "referat høst Forslag til ny avtale lagt fram", as_="kari")
    refused(bot, "referat høst Forslag", as_="per", contains=("17. november",))
    ok(bot, "referat handlingsplan Vedtatt", as_="kari")
    bot.set_time(2026, 11, 18, 9)
    ok(bot, "referat høst Forslag", as_="per")
    bot.set_time(2026, 12, 10, 9)
    ok(bot, "referat politisk Vedtatt", as_="kari")
    ok(bot, "referat politisk Vedtatt", as_="per")
    ok(bot, "forutsetning statsbudsjett", as_="aud")
    bot.set_time(2026, 12, 18, 9)
    ok(bot, "forutsetning budsjett", as_="kari")
    ok(bot, "forutsetning budsjett", as_="per")
    for person in ACTORS:
        ok(bot, "forutsetning tildelingsbrev", as_=person)
    ok(bot, text_command(year=2027), as_="kari")  # the agreement text to sign (issue 12)
    ok(bot, text_command(year=2027, region="vestland"), as_="per")
    refused(bot, "signer 2027", as_="kari", contains=("1. januar 2027",))
    bot.set_time(2027, 1, 12, 9)
    for person in ("kari", *ACTORS):
        ok(bot, "signer agder", as_=person)
    assert ok(bot, "signer", as_="kari").title == "Allerede signert"
    bot.set_time(2027, 1, 20, 9)
    ok(bot, "oppdrag IN sendt", as_="kari")
    ok(bot, "ikke aktuelt oppdrag", as_="per")
    assert "Oppdragsavtale 2027" in bot.outcomes[-2].reply.title
    bot.set_time(2027, 2, 1, 9)
    refused(bot, "signer vestland", as_="siri", contains=("31. januar 2027", "bekreft"))
    ok(bot, "signer vestland bekreft", as_="siri")
    for person in ("per", "ola", "nils", "rita"):
        ok(bot, "signer vestland bekreft", as_=person)
    assert "2 av 15 regioner har signert avtalen 2027" in ok(bot, "oversikt", as_="aud").text
    bot.set_time(2027, 3, 9, 9)
    au = ok(bot, "neste", as_="aud").text
    assert (
        "14 av 15 regioner er på etterskudd" in au
    )  # Vestland's action plan is not recorded and "Alt er i rute" not in au
    ok(bot, "referat vår Holdt", as_="aud")
    bot.set_time(2027, 4, 22, 9)
    ok(bot, "referat vår Godt møte vedtak: Felles søknad", as_="kari")
    bot.set_time(2027, 6, 1, 9)
    status = ok(bot, "status", as_="per")
    assert status.title == "Status Vestland fylkeskommune – syklus 2027"
    assert "Registrert utanfor rekkjefølgja i modellen" in status.text  # Vestland reads nynorsk
    bot.set_time(2027, 9, 15, 9)
    assert "Forberedelse av avtalen 2028" in ok(bot, "status", as_="kari").text
    bot.set_time(2027, 12, 28, 9)
    # 2027 signed by all: bare `signer` means 2028, the only one left, and says when it opens (walk 22 N6;
    # this asserted the «which year? signer 2028» question the walk found a wasted step)
    refused(bot, "signer", as_="kari", contains=("Avtalen 2028", "åpner 1. januar 2028"))
    bot.set_time(2028, 1, 12, 9)
    assert ok(bot, "status", as_="kari").title == "Status Agder fylkeskommune – syklus 2028"
    ok(bot, "plan 2028–2031", as_="kari")
    assert "Planperiode: 2028–2031" in ok(bot, "status", as_="kari").text


# --- the wheel's new fields are validated ------------------------------------------------------------------


def test_new_wheel_fields_are_validated_with_key_and_line() -> None:
    text = replace_once(demo_text(), "    kind: treatment\n", "    kind: vedtak\n")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'kind: vedtak')}: milestones[1].kind"), problem
    text = replace_once(demo_text(), "    kind: signing\n", "    kind: meeting\n")
    (problem,) = problems_of(text)
    assert "milestones[2].kind" in problem and "signed_by_parties" in problem
    text = replace_once(demo_text(), '    adopted_by: "Stortinget"', "    adopted_by: [Stortinget]")
    (problem,) = problems_of(text)
    assert problem.startswith(f"app.yaml:{line_no(text, 'adopted_by: [')}: preconditions[0].adopted_by"), problem


def test_the_wheel_leaves_january_to_the_signing() -> None:
    config = load_config(DEMO_CONFIG)
    signing = config.milestone("signing")
    assert signing is not None
    sign_start, _ = signing.window.resolve(2028)
    for key in ("draft-political", "action-plan"):
        spec = config.milestone(key)
        assert spec is not None
        assert spec.window.resolve(2028)[1] < sign_start, key


def test_the_state_budget_reminder_names_the_storting_not_au_as_responsible() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))  # first working day after its deadline: the first overdue notice
    due = [r for r in bot.core.planner.due(now=bot.clock.now()) if r.id.startswith("precondition:statsbudsjett:2027")]
    assert due, "the overdue state budget is reminded"
    for reminder in due:  # waiting for the Storting, recorded by AU: not AU's delay
        assert reminder.line.section == "waiting" and "registrerer det når det er vedtatt" in reminder.line.text


def test_the_minutes_form_keeps_bekreft_so_its_submission_is_recorded_marked() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    form = ok(bot, "referat vår bekreft", as_="kari").form
    assert form is not None and form.submit_command == "referat regional-spring agder 2027 bekreft"
    fields = {"sammendrag": "Godt møte", "oppfolging": "Sende utkast @IN"}
    reply = bot.say(form.submit_command, as_="kari", fields=fields)
    assert reply.ok and "1 oppfølgingspunkt." in reply.text and "utenfor modellens rekkefølge" in reply.text
    assert bot.tables("cycle/agder/2027")["milestones"]["regional-spring"]["outside_order"]
