"""The fourth year walk's findings on what the overview, `neste`, `status`, the status page and help say
(/tmp/walk4 M1, M3, M7, m3, m4, m5, m6, m8), driven as a person would (tests/driver.py), in both written forms."""

from __future__ import annotations

import pytest

from bot.i18n import using
from bot.shown.status_data import region_page
from tests.driver import make_bot, oslo, record_all_preconditions, register_text

PEOPLE = {"nb": "kari", "nn": "per"}
OVERVIEW = {"nb": "oversikt", "nn": "oversyn"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_national_channel_is_pointed_to_the_overview_and_status_answers_with_it(lang: str) -> None:
    """M1: AU's `neste` said «Skriv «status»», and `status` there asked «Hvilken region?»."""
    bot = make_bot(at=oslo(2027, 2, 1, 9, 30))
    if lang == "nn":
        assert bot.say("målform nn", as_="aud").ok
    hint = bot.say("neste", as_="aud").text
    assert f"«{OVERVIEW[lang]}»" in hint and "«status»" not in hint
    overview = bot.say("oversikt", as_="aud")
    for typed in ("status", "status nasjonal", "status 2027", "status nasjonalt 2027"):
        reply = bot.say(typed, as_="aud")
        assert reply.ok, reply.text
        assert reply.title == overview.title and "Hvilken region" not in reply.text and "Kva region" not in reply.text
        assert "/status?token=" in reply.text and "/status/" not in reply.text  # the national page's link
    named = bot.say("status agder", as_="aud")
    assert named.ok and "Agder" in named.title
    regional = bot.say("neste", as_=PEOPLE[lang]).text
    assert "«status»" in regional


def test_status_without_a_region_elsewhere_still_asks_which() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 9, 30))
    reply = bot.say("status", as_="ola")
    assert not reply.ok and "oversikt" in reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_overview_counts_what_its_rows_show_and_names_earlier_cycles_apart(lang: str) -> None:
    """M3: the header of `oversikt` (cycle 2027) counted «Dialogmøte høst 2026 (14 regioner)», not in its rows."""
    bot = make_bot(at=oslo(2027, 2, 1, 9, 30))
    if lang == "nn":
        assert bot.say("målform nn", as_="aud").ok
    bot.say("dato haust 20. oktober 2026 stadfest", as_="per")
    lead = bot.say("oversikt", as_="aud").text.split("\n\n", 1)[0]
    now, _sep, earlier = lead.partition("2026:")
    assert "2026" not in now.split("\n", 1)[1]
    assert f"«{OVERVIEW[lang]} 2026»" in earlier
    counted = earlier.split("(", 1)[1].split(" ", 1)[0]
    assert counted == "15"  # Vestland's autumn meeting 2026 is behind too: its date is not a record
    old_rows = bot.say("oversikt 2026", as_="aud").text
    assert "2026" in old_rows


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_overview_of_a_cycle_before_the_bot_never_says_it_was_signed(lang: str) -> None:
    """M7: `oversikt 2026` said «Avtalen 2026 ble signert før Samhandlingsbot tok over»; status says «ikke fulgt opp»."""
    bot = make_bot(at=oslo(2027, 3, 2, 10))
    if lang == "nn":
        assert bot.say("målform nn", as_="aud").ok
    text = bot.say("oversikt 2026", as_="aud").text
    assert "signert" not in text.split("\n")[1]
    assert ("ikke fulgt opp her" if lang == "nb" else "ikkje følgt opp her") in text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_earlier_cycles_overdue_items_are_named_one_way_in_neste(lang: str) -> None:
    """m3: in July 2027 Vestland's `neste` named «Dialogmøte haust 2026» in one line and listed the national
    autumn meeting 2026 in full under «Elles»."""
    bot = make_bot(at=oslo(2027, 7, 1, 10))
    text = bot.say("neste", as_=PEOPLE[lang]).text
    lead, _sep, rest = text.partition("\n\n")
    assert "2026" in lead and ("Høstmøtet" in lead or "Haustmøtet" in lead)
    assert "haust) 2026" not in rest and "høst) 2026" not in rest and "2026 (213" not in rest
    actor = bot.say("neste", as_="ola").text.split("\n\n", 1)[0]  # only others' items: nothing to type for them
    assert "Høstmøtet (nasjonalt) 2026" in actor and "skriv årstallet" not in actor
    own = bot.say("neste", as_="aud").text  # AU's own meeting of 2026 stays AU's to do
    assert "Nasjonalt temamøte høst (høstmøtet) 2026" in own


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_log_says_whose_agreement_and_the_page_marks_voided_signatures(lang: str) -> None:
    """m4: «Signerte samarbeidsavtalen 2027 for Siva» read as Siva's agreement; voided v1 signatures were
    listed on the status page without a mark."""
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer agder 2027 bekreft", as_="kari").ok
    assert bot.say("signer siva agder 2027", as_="siri", channel="agder").ok
    register_text(bot, year=2027, version=2)
    assert bot.say("signer siva agder 2027 versjon 2", as_="siri", channel="agder").ok
    with using(lang):
        page = region_page(
            config=bot.core.config, state=bot.core.state, region="agder", year=2027, today=bot.clock.now().date()
        )
    signs = [line.summary for line in page.history if line.summary.startswith("Signerte")]
    by_siva = "på vegne av Siva" if lang == "nb" else "på vegner av Siva"
    assert signs[0].startswith(f"Signerte samarbeidsavtalen 2027 for Agder {by_siva}, versjon 2")
    assert "ugyldig" not in signs[0]
    assert all("versjon 1" in line and "ugyldig" in line for line in signs[1:]) and len(signs) == 3
    log = bot.say("logg agder", as_="kari").text
    assert "Signerte samarbeidsavtalen 2027 for Agder på vegne av Siva" in log


def test_teams_help_does_not_name_slacks_command_and_names_keep_no_invisible_space() -> None:
    """m5: Teams' `hjelp` said «i Slack med /samhandling foran»; a FactSet value held a zero-width space."""
    from adapters.teams.markdown import escape

    bot = make_bot(at=oslo(2027, 2, 1, 9))
    teams = bot.say("hjelp", as_="kari", platform="teams")
    assert "/samhandling" not in teams.text and "Slack" not in teams.text
    slack = bot.say("hjelp", as_="kari", platform="slack")
    assert "/samhandling" in slack.text
    parties = bot.core.config.parties
    for name in (party.name for party in (*parties.regions, *parties.actors, parties.coordinator)):
        assert "\u200b" not in escape(name), name


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_referat_lists_only_what_it_records(lang: str) -> None:
    """m6: `referat` listed «oppdragsavtaler», which it does not record."""
    bot = make_bot(at=oslo(2027, 3, 2, 10))
    reply = bot.say("referat", as_=PEOPLE[lang])
    assert not reply.ok and "politisk" in reply.text and "oppdrag" not in reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    ("typed", "unread"),
    [("fylkestinget 14. desember", "fylkestinget"), ("14. desember i fylkestinget", "i fylkestinget")],
)
def test_a_date_with_a_body_named_beside_it_names_the_words_not_read(lang: str, typed: str, unread: str) -> None:
    """m8: «dato politisk fylkestinget 14. desember» said only «forstod ikkje datoen»."""
    bot = make_bot(at=oslo(2027, 9, 1, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato politisk {typed}", as_=PEOPLE[lang])
    assert not reply.ok
    assert f"«{unread}»" in reply.text and "«dato politisk 14. desember»" in reply.text
    assert bot.snapshot() == before
    assert bot.say("dato politisk 14. desember", as_=PEOPLE[lang]).ok
