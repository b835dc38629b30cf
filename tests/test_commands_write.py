"""Writing commands: dato, referat, forutsetning, signer, oppdrag, koble, person.

Every refusal is checked the same way: reply.ok is False and bot.snapshot() is unchanged.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.messages import ChannelAddress, Visibility
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, register_text
from tests.helpers import assert_recorded, assert_refused

AGDER_2027 = "cycle/agder/2027"
AGDER_2026 = "cycle/agder/2026"


def typed(point: dict) -> dict:
    """A stored follow-up point as typed (the action adds its id, due date and owner's party)."""
    return {key: point[key] for key in ("text", "owner", "owner_name")}


def milestone_doc(bot: BotDriver, partition: str, key: str) -> dict:
    return bot.tables(partition).get("milestones", {}).get(key, {})


def planned(bot: BotDriver, partition: str, key: str) -> datetime | None:
    value = milestone_doc(bot, partition, key).get("planned")
    return datetime.fromisoformat(value) if value else None


# --- dato ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "partition", "key", "when", "shown"),
    [
        (
            "dato vår 22. april kl 10",
            AGDER_2027,
            "regional-spring",
            oslo(2027, 4, 22, 10),
            "torsdag 22. april 2027 kl. 10.00",
        ),
        (
            "dato vår 22.04.27 10.00",
            AGDER_2027,
            "regional-spring",
            oslo(2027, 4, 22, 10),
            "torsdag 22. april 2027 kl. 10.00",
        ),
        ("dato vår uke 17", AGDER_2027, "regional-spring", oslo(2027, 4, 26), "mandag 26. april 2027"),
        ("dato høst tirsdag neste uke", AGDER_2026, "regional-autumn", oslo(2026, 12, 1), "tirsdag 1. desember 2026"),
        (
            "dato høst 27. november kl 10",
            AGDER_2026,
            "regional-autumn",
            oslo(2026, 11, 27, 10),
            "fredag 27. november 2026 kl. 10.00",
        ),
        ("dato VÅR 22. april kl 10", AGDER_2027, "regional-spring", oslo(2027, 4, 22, 10), "torsdag 22. april 2027"),
        ("dato vaar 22. april kl 10", AGDER_2027, "regional-spring", oslo(2027, 4, 22, 10), "torsdag 22. april 2027"),
        ("dato var 22. april kl 10", AGDER_2027, "regional-spring", oslo(2027, 4, 22, 10), "torsdag 22. april 2027"),
        ("dato host 27. november kl 10", AGDER_2026, "regional-autumn", oslo(2026, 11, 27, 10), "fredag 27. november"),
        (
            "Dato Høst agder 2026 27. november",
            AGDER_2026,
            "regional-autumn",
            oslo(2026, 11, 27),
            "fredag 27. november 2026",
        ),
        ("dato regional-spring 22. april kl 10", AGDER_2027, "regional-spring", oslo(2027, 4, 22, 10), "torsdag 22."),
        (
            "dato handlingsplan 2027 1. desember 2026",
            AGDER_2027,
            "action-plan",
            oslo(2026, 12, 1),
            "tirsdag 1. desember 2026",
        ),
    ],
)
def test_dato_phrases(bot: BotDriver, command: str, partition: str, key: str, when: datetime, shown: str) -> None:
    reply = assert_recorded(bot, command, as_="kari")
    assert reply.visibility == Visibility.CHANNEL
    assert shown in reply.text
    assert planned(bot, partition, key) == when


def test_dato_national_meeting_by_au(bot: BotDriver) -> None:
    reply = assert_recorded(bot, "dato vår 10. mars kl 10", as_="aud")
    assert "onsdag 10. mars 2027 kl. 10.00" in reply.text
    assert planned(bot, "national/2027", "national-spring") == oslo(2027, 3, 10, 10)


def test_dato_outside_the_window_asks_for_bekreft(bot: BotDriver) -> None:
    before = bot.snapshot()
    reply = bot.say("dato vår 2027 1. august", as_="kari")
    assert bot.snapshot() == before, "a worrying date is never stored without bekreft"
    assert "søndag 1. august 2027" in reply.text and "utenfor vinduet" in reply.text
    assert "Ikke lagret" in reply.text
    (button,) = reply.buttons
    assert button.command == "dato vår agder 2027 2027-08-01 bekreft"
    assert f"«{button.command}»" in reply.text
    stored = assert_recorded(bot, button.command, as_="kari")
    assert "søndag 1. august 2027" in stored.text
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 8, 1)


def test_dato_in_the_past_asks_for_bekreft(bot: BotDriver) -> None:
    before = bot.snapshot()
    reply = bot.say("dato høst 2026 2. november kl 9", as_="kari")
    assert bot.snapshot() == before
    assert "passert" in reply.text
    (button,) = reply.buttons
    assert button.command == "dato høst agder 2026 2026-11-02 09:00 bekreft"
    assert_recorded(bot, button.command, as_="kari")
    assert planned(bot, AGDER_2026, "regional-autumn") == oslo(2026, 11, 2, 9)


def test_dato_before_the_national_meeting_asks_for_bekreft(bot: BotDriver) -> None:
    bot.say("dato vår 10. mars kl 10", as_="aud")
    before = bot.snapshot()
    reply = bot.say("dato vår 5. mars", as_="kari")
    assert bot.snapshot() == before
    assert "før Nasjonalt temamøte vår (vårmøtet) 2027" in reply.text
    assert_recorded(bot, reply.buttons[0].command, as_="kari")
    assert planned(bot, AGDER_2027, "regional-spring") == oslo(2027, 3, 5)
    # After the national meeting it is fine at once.
    assert_recorded(bot, "dato vår 22. april kl 10", as_="kari")


def test_dato_refusals(bot: BotDriver) -> None:
    assert_refused(bot, "dato", as_="kari", contains="Hvilket møte")
    assert_refused(bot, "dato vår", as_="kari", contains="Hvilken dato")
    assert_refused(bot, "dato vår blåbærsyltetøy", as_="kari", contains="forstod ikke datoen")
    assert_refused(bot, "dato signering 12. januar", as_="kari", contains="signer")
    assert_refused(bot, "dato vår 22. april kl 25", as_="kari")
    # AU dates no regional meeting: said at once, not «Hvilken region?» (walk 14b F8)
    assert_refused(
        bot, "dato vår 22. april", as_="aud", channel="ingen-kanal", contains="fylkeskommunens koordinatorer"
    )


@pytest.mark.parametrize(
    ("person", "channel", "text"),
    [
        ("per", "vestland", "dato vår agder 22. april kl 10"),  # another region's coordinator
        ("per", "agder", "dato vår 22. april kl 10"),  # in Agder's channel, still not Agder's
        ("ola", "in", "dato vår agder 22. april kl 10"),  # an actor sets no region dates
        ("aud", "nasjonal", "dato regional-spring agder 22. april"),  # nor does AU
        ("ukjent", "agder", "dato vår 22. april kl 10"),  # not registered
        ("kari", "nasjonal", "dato vår 10. mars kl 10"),  # the national meeting is AU's
        ("ola", "nasjonal", "dato høst 2027 10. november"),
    ],
)
def test_dato_only_the_regions_coordinators_and_au_for_national(
    bot: BotDriver, person: str, channel: str, text: str
) -> None:
    assert_refused(bot, text, as_=person, channel=channel)


def test_dato_refused_for_an_adviser_of_the_region(bot: BotDriver) -> None:
    assert_recorded(bot, "person @eva agder rådgiver", as_="admin")
    assert_refused(bot, "dato vår 22. april kl 10", as_="eva", channel="agder", contains="koordinatorer")
    assert_refused(bot, "referat høst Godt møte", as_="eva", channel="agder", contains="koordinatorer")


# --- referat -------------------------------------------------------------------------------------------


def test_referat_one_line_grammar(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    text = (
        "referat høst Godt møte om havbruk https://dok.fylke.no/referat.pdf "
        "vedtak: Felles søknad; Ny arbeidsgruppe oppfølging: Sende utkast @IN; Kalle inn til verksted @agder"
    )
    reply = assert_recorded(bot, text, as_="kari")
    assert reply.visibility == Visibility.CHANNEL
    assert "2 vedtak, 2 oppfølgingspunkter" in reply.text
    doc = milestone_doc(bot, AGDER_2026, "regional-autumn")
    assert doc["done"] is True
    outcome = doc["outcome"]
    assert outcome["summary"] == "Godt møte om havbruk https://dok.fylke.no/referat.pdf"
    assert outcome["link"] == "https://dok.fylke.no/referat.pdf"
    assert outcome["decisions"] == ["Felles søknad", "Ny arbeidsgruppe"]
    assert [typed(point) for point in outcome["followups"]] == [
        {"text": "Sende utkast", "owner": "IN", "owner_name": "Innovasjon Norge"},
        {"text": "Kalle inn til verksted", "owner": "agder", "owner_name": "Agder fylkeskommune"},
    ]
    status = bot.say("status agder 2026", as_="kari")
    assert "Vedtak: Felles søknad; Ny arbeidsgruppe" in status.text


def test_referat_followup_owner_may_be_a_person_and_spelling_varies(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    assert_recorded(bot, "referat HOST Kort møte. Oppfolging: Ringe rundt @kari", as_="kari")
    (point,) = milestone_doc(bot, AGDER_2026, "regional-autumn")["outcome"]["followups"]
    assert typed(point) == {"text": "Ringe rundt", "owner": "kari", "owner_name": "Kari Nordmann"}


def test_referat_national_meeting_by_au(bot: BotDriver) -> None:
    assert_recorded(bot, "referat høst To deler: erfaringer og muligheter", as_="aud")
    assert milestone_doc(bot, "national/2026", "national-autumn")["done"] is True


def test_referat_refusals(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    assert_refused(bot, "referat", as_="kari", contains="Hvilket møte")
    # «oppfølging: Sende utkast» with no owner is kept, not refused (fixam: tests/test_fixam_named_owners.py)
    assert_refused(bot, "referat høst Godt oppfølging: Sende utkast @nobody", as_="kari", contains="@nobody")
    assert_refused(bot, "referat signering Signert", as_="kari", contains="signer")
    assert_refused(bot, "referat høst agder Godt møte", as_="ola", contains="Bare Agder")
    assert_refused(bot, "referat høst agder Godt møte", as_="per", contains="Berre Agder")  # Vestland: nynorsk
    assert_refused(bot, "referat høst Godt møte", as_="kari", channel="nasjonal", contains="nasjonale")
    assert_refused(bot, "referat høst Godt møte", as_="ukjent", channel="agder", contains="ikke registrert")


def test_referat_without_text_opens_a_form_and_the_form_submits(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    before = bot.snapshot()
    reply = bot.say("referat høst", as_="kari")
    assert reply.ok and reply.form is not None
    assert bot.snapshot() == before
    form = reply.form
    assert form.submit_command == "referat regional-autumn agder 2026"
    assert [field.name for field in form.fields] == ["sammendrag", "lenke", "vedtak", "oppfolging"]
    fields = {
        "sammendrag": "Godt møte",
        "lenke": "https://dok.fylke.no/r",
        "vedtak": "Felles søknad\nNy gruppe",
        "oppfolging": "Sende utkast @IN\nBooke rom @siva",
    }
    assert_recorded(bot, form.submit_command, as_="kari", fields=fields)
    outcome = milestone_doc(bot, AGDER_2026, "regional-autumn")["outcome"]
    assert outcome["link"] == "https://dok.fylke.no/r"
    assert outcome["decisions"] == ["Felles søknad", "Ny gruppe"]
    assert [point["owner"] for point in outcome["followups"]] == ["IN", "SIVA"]


def test_referat_form_refusals(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    submit = "referat regional-autumn agder 2026"
    assert_refused(bot, submit, as_="kari", fields={"sammendrag": " "}, contains="tomt")
    assert_refused(bot, submit, as_="kari", fields={"lenke": "ftp://x"}, contains="https://")
    # a point «Uten eier» is kept without an owner, not refused (fixam: tests/test_fixam_named_owners.py)
    assert_refused(bot, submit, as_="ola", fields={"sammendrag": "Godt"}, contains="Bare Agder")


def test_referat_twice_replaces_and_says_so(bot: BotDriver) -> None:
    bot.say("referat høst Høstmøtet holdt", as_="aud")  # the regional autumn meeting follows it (§3.2)
    bot.say("referat høst Første", as_="kari")
    asked = assert_refused(bot, "referat høst 2026 Andre", as_="kari", contains="«bekreft»")
    assert "Dette erstatter referatet for Administrativt dialogmøte høst" in asked.text and "«logg»" in asked.text
    reply = assert_recorded(bot, "referat høst 2026 Andre bekreft", as_="kari")
    assert "erstatter forrige referat" in reply.text
    assert milestone_doc(bot, AGDER_2026, "regional-autumn")["outcome"]["summary"] == "Andre"


# --- forutsetning --------------------------------------------------------------------------------------


def test_forutsetning_each_kind(bot: BotDriver) -> None:
    assert (
        "Statsbudsjettet vedtatt (avtale 2027)" in assert_recorded(bot, "forutsetning statsbudsjett", as_="aud").title
    )
    assert (
        "Fylkeskommunens budsjett vedtatt (avtale 2027)"
        in assert_recorded(bot, "forutsetning budsjett", as_="kari").title
    )
    assert (
        "Tildelingsbrev mottatt – Innovasjon Norge"
        in assert_recorded(bot, "forutsetning tildelingsbrev 2027", as_="ola").title
    )
    assert_recorded(bot, "forutsetning tildelingsbrev SIVA 2027", as_="siri", channel="ingen-kanal")
    assert_recorded(bot, "forutsetninger budsjett vestland 2027", as_="per")
    national = bot.tables("national/2027")["preconditions"]
    assert set(national) == {"statsbudsjett", "tildelingsbrev:IN", "tildelingsbrev:SIVA"}
    assert national["statsbudsjett"]["by"] == "Aud Vik"
    assert bot.tables(AGDER_2027)["preconditions"]["budsjett"]["done"] is True
    assert bot.tables("cycle/vestland/2027")["preconditions"]["budsjett"]["done"] is True


def test_forutsetning_statsbudsjett_only_by_au(bot: BotDriver) -> None:
    """The state budget gates all fifteen regions and everything says «registreres av AU»: a county
    coordinator is refused, with nothing written, and AU records it."""
    before = bot.snapshot()
    refused = bot.say("forutsetning statsbudsjett 2027", as_="per")
    assert not refused.ok and "Statsbudsjettet vert registrert av AU" in refused.text, refused.text
    assert bot.snapshot() == before
    assert_recorded(bot, "forutsetning statsbudsjett 2027", as_="aud")


def test_forutsetning_twice_is_harmless(bot: BotDriver) -> None:
    bot.say("forutsetning budsjett", as_="kari")
    before = bot.snapshot()
    reply = bot.say("forutsetning budsjett", as_="kari")
    assert reply.ok and reply.title == "Allerede registrert"
    assert "Kari Nordmann" in reply.text and "23. november 2026" in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("person", "channel", "text", "contains"),
    [
        ("ola", "in", "forutsetning statsbudsjett", "Statsbudsjettet registreres av AU"),
        ("per", "agder", "forutsetning budsjett", "Bare Agder"),
        ("kari", "agder", "forutsetning budsjett vestland", "Bare Vestland"),
        ("ola", "in", "forutsetning tildelingsbrev SIVA", "Bare Siva"),
        ("kari", "agder", "forutsetning tildelingsbrev IN", "Bare Innovasjon Norge"),
        ("kari", "agder", "forutsetning tildelingsbrev", "Tildelingsbrevet registreres av aktøren selv"),
        ("admin", "nasjonal", "forutsetning tildelingsbrev", "Hvilken aktørs"),
        ("aud", "nasjonal", "forutsetning budsjett", "fylkeskommunens koordinatorer"),  # walk 14b F8
        ("kari", "agder", "forutsetning ost", "ost"),
        ("kari", "agder", "forutsetning", "Hvilken forutsetning"),
        ("kari", "agder", "forutsetning budsjett snart", "snart"),
        ("ukjent", "agder", "forutsetning budsjett", "ikke registrert"),
    ],
)
def test_forutsetning_refusals(bot: BotDriver, person: str, channel: str, text: str, contains: str) -> None:
    assert_refused(bot, text, as_=person, channel=channel, contains=contains)


def test_the_last_precondition_announces_ready_to_sign_to_every_party() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    register_text(bot, year=2027)
    bot.say("referat høst 2026 Holdt", as_="aud")
    bot.say("referat høst 2026 Holdt", as_="kari")
    bot.say("forutsetning statsbudsjett 2027", as_="aud")
    bot.say("forutsetning budsjett 2027", as_="kari")
    bot.say("referat politisk 2027 Vedtatt i fylkestinget", as_="kari")
    for person in ("ola", "siri", "nils"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok
        assert bot.last.announcements == (), "not ready yet: no announcement"
    reply = bot.say("forutsetning tildelingsbrev 2027", as_="rita")
    assert reply.ok and "Nå kan avtalen 2027 signeres i: Agder fylkeskommune" in reply.text
    announced = {a.to for a in bot.last.announcements}
    assert announced == {
        ChannelAddress("terminal", "agder"),
        ChannelAddress("slack", "C0AGDER"),
        ChannelAddress("teams", "19:agder@thread.tacv2"),
        ChannelAddress("slack", "C0INAGDER"),  # IN's Agder channel on Slack ...
        ChannelAddress("terminal", "in"),  # ... and its general channels where it has no Agder channel
        ChannelAddress("teams", "19:in@thread.tacv2"),
        ChannelAddress("terminal", "siva"),
        ChannelAddress("slack", "C0SIVA"),
        ChannelAddress("terminal", "nfr"),
        ChannelAddress("slack", "C0NFR"),
        ChannelAddress("slack", "C0RFF"),  # terminal rff has the reply itself
    }
    # Each channel carries the buttons of the parties it speaks for (walk 4, M6): the region's own channels
    # (members of every party) all five, an actor's channel its own alone, never four that are refused there.
    actor_of = {"in": "IN", "inagder": "IN", "siva": "SIVA", "nfr": "NFR", "rff": "RFF"}
    for announcement in bot.last.announcements:
        assert announcement.reply.title == "Klar til signering: samarbeidsavtalen 2027 for Agder fylkeskommune"
        name = announcement.to.channel_id.lower().removeprefix("c0").removeprefix("19:").split("@")[0]
        parties = [actor_of[name]] if name in actor_of else ["agder", "IN", "SIVA", "NFR", "RFF"]
        assert [b.command for b in announcement.reply.buttons] == [
            "signer for agder 2027 versjon 1" if party == "agder" else f"signer {party} agder 2027 versjon 1"
            for party in parties
        ], announcement.to


def test_the_political_treatment_as_last_precondition_also_announces() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    register_text(bot, year=2027)  # ready to sign needs a text to sign (issue 18)
    bot.say("forutsetning statsbudsjett 2027", as_="aud")
    bot.say("forutsetning budsjett 2027", as_="kari")
    for person in ("ola", "siri", "nils", "rita"):
        bot.say("forutsetning tildelingsbrev 2027", as_=person)
    bot.say("referat høst 2026 Holdt", as_="aud")
    bot.say("referat høst 2026 Holdt", as_="kari")
    bot.say("referat politisk 2027 Vedtatt", as_="kari")
    titles = {a.reply.title for a in bot.last.announcements}
    assert titles == {"Klar til signering: samarbeidsavtalen 2027 for Agder fylkeskommune"}
    assert ChannelAddress("terminal", "agder") not in {a.to for a in bot.last.announcements}


# --- signer --------------------------------------------------------------------------------------------


def test_signer_refused_while_preconditions_are_missing_and_names_them() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    bot.say("forutsetning statsbudsjett 2027", as_="aud")
    bot.say("forutsetning tildelingsbrev 2027", as_="ola")
    reply = assert_refused(bot, "signer", as_="kari", contains="kan ikke signeres ennå")
    assert "Fylkeskommunens budsjett vedtatt (avtale 2027)" in reply.text
    assert (
        "Tildelingsbrev mottatt – Siva, Norges forskningsråd og Regionale forskningsfond (avtale 2027)" in reply.text
    )  # one item, not three
    assert "Politisk behandling av utkast til samarbeidsavtale 2027" in reply.text
    assert "Statsbudsjettet" not in reply.text and "– IN" not in reply.text and "IN," not in reply.text
    assert "«status agder 2027»" in reply.text  # says where to see who records what


@pytest.mark.parametrize(
    ("person", "channel", "text", "contains"),
    [
        ("siri", "siva", "signer IN agder 2027", "Bare Innovasjon Norge"),
        ("per", "agder", "signer agder agder 2027", "Bare Agder"),
        ("ukjent", "agder", "signer agder 2027", "part"),
        ("ukjent", "agder", "signer agder agder 2027", "ikke registrert"),
        ("aud", "nasjonal", "signer AU agder 2027", "ikke part"),
        ("admin", "nasjonal", "signer", "For hvilken part"),
        ("kari", "agder", "signer agder 2027 nå", "nå"),
    ],
)
def test_signer_refusals_when_ready(person: str, channel: str, text: str, contains: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert_refused(bot, text, as_=person, channel=channel, contains=contains)


def test_signer_twice_is_harmless_and_says_who_and_when() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    first = assert_recorded(bot, "signer agder", as_="ola", channel="in")
    assert "Mangler fortsatt: Agder, Siva, Norges forskningsråd, Regionale forskningsfond" in first.text
    signature = bot.core.state.signatures(region="agder", year=2027)["IN"]
    assert signature["name"] == "Ola Berg" and signature["platform"] == "terminal" and signature["party"] == "IN"
    bot.set_time(2027, 1, 13, 14, 30)
    before = bot.snapshot()
    again = bot.say("signer IN agder 2027", as_="U0OLA", platform="slack", channel="C0IN")
    assert again.ok and again.title == "Allerede signert"
    assert "Ola Berg" in again.text and "12. januar 2027 kl. 09.00" in again.text and "terminal" in again.text
    assert bot.snapshot() == before


def test_last_signature_completes_and_announces_on_every_platform() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person, platform, channel in (
        ("kari", "terminal", "agder"),
        ("ola", "slack", "C0INAGDER"),
        ("siri", "terminal", "siva"),
        ("nils", "teams", "19:agder@thread.tacv2"),
    ):
        user = {"terminal": person}.get(platform) or {
            "ola": "U0OLA",
            "nils": "11111111-0000-0000-0000-000000000005",
        }[person]
        reply = bot.say("signer agder 2027", as_=user, platform=platform, channel=channel)
        assert reply.ok and reply.title.startswith("Signert for"), reply.text
        # Not the whole agreement's news, but the region's: only Agder's other channels hear it, in one line
        # (walk 4, M5; before, a single signature was told nowhere).
        told = {a.to for a in bot.last.announcements}
        assert told == {
            ChannelAddress("terminal", "agder"),
            ChannelAddress("slack", "C0AGDER"),
            ChannelAddress("teams", "19:agder@thread.tacv2"),
        } - {ChannelAddress(platform, channel)}
        assert all("\n" not in a.reply.text and "har signert" in a.reply.text for a in bot.last.announcements)
    last = bot.say("signer agder 2027", as_="rita", channel="rff")
    assert last.ok and last.title == "Samarbeidsavtalen 2027 for Agder fylkeskommune er signert av alle parter"
    assert last.visibility == Visibility.CHANNEL
    announced = {a.to for a in bot.last.announcements}
    assert {address.platform for address in announced} == {"terminal", "slack", "teams"}
    assert {
        ChannelAddress("terminal", "agder"),
        ChannelAddress("slack", "C0AGDER"),
        ChannelAddress("teams", "19:agder@thread.tacv2"),
        ChannelAddress("slack", "C0INAGDER"),
        ChannelAddress("terminal", "siva"),
        ChannelAddress("slack", "C0SIVA"),
        ChannelAddress("terminal", "nfr"),
        ChannelAddress("slack", "C0NFR"),
        ChannelAddress("slack", "C0RFF"),
    } <= announced
    assert ChannelAddress("terminal", "rff") not in announced  # the asker's channel has the reply
    assert not any(a.to.channel_id in ("vestland", "C0VESTLAND") for a in bot.last.announcements)
    # The national channels hear that an agreement is signed by all parties (issue 7).
    assert {ChannelAddress("terminal", "nasjonal"), ChannelAddress("slack", "C0NASJONAL")} <= announced
    signatures = bot.core.state.signatures(region="agder", year=2027)
    assert {party: sig["platform"] for party, sig in signatures.items()} == {
        "agder": "terminal",
        "IN": "slack",
        "SIVA": "terminal",
        "NFR": "teams",
        "RFF": "terminal",
    }
    assert "✓" in bot.say("oversikt 2027", as_="aud").text


def test_actor_channels_on_every_platform_hear_the_completed_agreement() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri", "nils", "rita"):
        bot.say("signer agder 2027", as_=person, channel="agder")
    announced = {a.to for a in bot.last.announcements}
    assert ChannelAddress("teams", "19:in@thread.tacv2") in announced


# --- oppdrag -------------------------------------------------------------------------------------------


def test_oppdrag_per_actor_until_all_are_settled() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert "sendt" in assert_recorded(bot, "oppdrag IN sendt", as_="kari").title
    assert "ingen i år" in assert_recorded(bot, "oppdrag SIVA ingen", as_="kari").title
    assert_refused(bot, "oppdrag NFR", as_="kari", contains="«oppdrag NFR sendt» eller «oppdrag NFR ingen»")  # asks
    assert_recorded(bot, "oppdrag NFR sendt", as_="kari")
    assert not milestone_doc(bot, AGDER_2027, "assignments").get("done")
    reply = assert_recorded(bot, "oppdrag RFF ingen", as_="kari")
    assert "punktet er ferdig" in reply.text
    tables = bot.tables(AGDER_2027)
    assert {actor: entry["status"] for actor, entry in tables["assignments"].items()} == {
        "IN": "sent",
        "SIVA": "none",
        "NFR": "sent",
        "RFF": "none",
    }
    assert tables["milestones"]["assignments"]["done"] is True


@pytest.mark.parametrize(
    ("person", "channel", "text", "contains"),
    [
        ("kari", "agder", "oppdrag", "Hvilken aktør"),
        ("kari", "agder", "oppdrag agder sendt", "Hvilken aktør"),
        ("kari", "agder", "oppdrag IN sendt straks", "straks"),
        ("ola", "in", "oppdrag IN sendt agder", "Bare Agder"),
        ("per", "vestland", "oppdrag IN sendt agder", "Berre Agder"),  # Vestland reads nynorsk
        ("ola", "in", "oppdrag IN sendt", "fylkeskommunens koordinatorer"),  # walk 14b F8
    ],
)
def test_oppdrag_refusals(bot: BotDriver, person: str, channel: str, text: str, contains: str) -> None:
    assert_refused(bot, text, as_=person, channel=channel, contains=contains)


# --- koble, person -------------------------------------------------------------------------------------


def test_koble_binds_a_slack_channel_that_then_answers_as_the_region(bot: BotDriver) -> None:
    assert bot.say("neste", as_="U0PER", platform="slack", channel="C0NY").title == "Neste for Vestland fylkeskommune"
    reply = assert_recorded(bot, "koble region agder", as_="U0ADMIN", platform="slack", channel="C0NY")
    assert "Agder fylkeskommune" in reply.text
    assert bot.say("neste", as_="U0PER", platform="slack", channel="C0NY").title == "Neste for Agder fylkeskommune"
    assert bot.say("status", as_="U0AUD", platform="slack", channel="C0NY").title.startswith("Status Agder")
    # Kari (Slack id U0KARI) can now set Agder's dates from there.
    assert_recorded(bot, "dato vår 22. april kl 10", as_="U0KARI", platform="slack", channel="C0NY")
    entry = bot.core.state.history(AGDER_2027)[-1]
    assert (entry["platform"], entry["channel"], entry["person"]) == ("slack", "C0NY", "kari")


def test_koble_actor_and_national(bot: BotDriver) -> None:
    assert_recorded(bot, "koble aktør SIVA agder", as_="admin", channel="siva-agder")
    assert bot.say("neste", as_="siri", channel="siva-agder").title == "Neste for Siva i Agder fylkeskommune"
    assert_recorded(bot, "koble nasjonal", as_="admin", channel="au-rom")
    assert bot.say("neste", as_="aud", channel="au-rom").title == "Neste for hele landet"


@pytest.mark.parametrize(
    ("person", "text", "contains"),
    [
        ("kari", "koble region agder", "administrator"),
        ("aud", "koble nasjonal", "administrator"),
        ("ukjent", "koble region agder", "administrator"),
        ("admin", "koble", "koble region"),
        ("admin", "koble region narnia", "koble region"),
        ("admin", "koble aktør XYZ", "koble region"),
        ("admin", "koble region agder tull", "tull"),
        ("kari", "person @eva agder koordinator", "administrator"),
        ("admin", "person @eva agder", "rolle"),
        ("admin", "person @eva narnia koordinator", "Ukjent part"),
        ("admin", "person @eva agder sjef", "Ukjent rolle"),
    ],
)
def test_koble_and_person_refusals(bot: BotDriver, person: str, text: str, contains: str) -> None:
    assert_refused(bot, text, as_=person, channel="ny-kanal", contains=contains)


def test_person_registers_someone_who_may_then_write(bot: BotDriver) -> None:
    assert_refused(bot, "forutsetning budsjett", as_="eva", channel="agder")
    assert_recorded(bot, "person @eva agder koordinator", as_="admin")
    assert_recorded(bot, "forutsetning budsjett", as_="eva", channel="agder")
    assert bot.tables(AGDER_2027)["preconditions"]["budsjett"]["by"] == "eva"


def test_person_overrides_app_yaml(bot: BotDriver) -> None:
    # Moving Per off Vestland asks first (walk 7 F1), then the runtime binding wins.
    assert_refused(bot, "person @per agder koordinator", as_="admin", contains="Vestland")
    assert_recorded(bot, "person @per agder koordinator bekreft", as_="admin")
    assert_recorded(bot, "dato vår 22. april kl 10", as_="per", channel="agder")


# --- idempotency ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "text"),
    [
        ("kari", "dato vår 22. april kl 10"),
        ("kari", "referat høst Godt møte bekreft"),
        ("kari", "forutsetning budsjett"),
        ("kari", "oppdrag IN sendt 2027"),
        ("admin", "koble region agder bekreft"),  # the test channel is national: rebinding asks (walk 3, 12)
        ("admin", "person @eva agder koordinator"),
    ],
)
def test_the_same_request_id_records_once(bot: BotDriver, person: str, text: str) -> None:
    first = bot.say(text, as_=person, request_id="req-1")
    assert first.ok
    after_first = bot.snapshot()
    second = bot.say(text, as_=person, request_id="req-1")
    assert second.ok and second.title == "Allerede registrert"
    assert bot.snapshot() == after_first
    histories = [len(tables.get("history", {})) for tables in after_first.values()]
    assert sum(histories) == 1


def test_the_same_request_id_for_a_signature_records_once() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    bot.say("signer", as_="kari", request_id="klikk-1")
    after = bot.snapshot()
    again = bot.say("signer", as_="kari", request_id="klikk-1")
    assert again.ok and bot.snapshot() == after
    assert len(bot.core.state.signatures(region="agder", year=2027)) == 1


def test_a_new_request_id_for_a_changed_date_records_again(bot: BotDriver) -> None:
    bot.say("dato vår 22. april kl 10", as_="kari", request_id="a")
    assert_recorded(bot, "dato vår 23. april kl 10", as_="kari", request_id="b")
    assert planned(bot, AGDER_2027, "regional-spring") == datetime(2027, 4, 23, 10, tzinfo=OSLO)


def test_referat_refused_for_a_meeting_whose_window_has_not_opened(bot: BotDriver) -> None:
    assert_refused(bot, "referat vår 2027 Godt møte", contains=("kan ikke ha vært holdt ennå", "1. januar 2027"))
