"""The wheel of 2027 as app.yaml describes it, checked milestone by milestone against the model (2017).

Section numbers are the model's own (seeds/003_…): §1 national meetings, §2.1 signing, §3.1/§3.2 regional
meetings and the draft, §3.3 assignment agreements, §4.1/§4.2 who summons.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.model.config import AppConfig, load_config
from bot.model.wheel import (
    Item,
    agreement_parties,
    cycle_items,
    milestone_item,
    national_milestones,
    precondition_items,
    regional_milestones,
    signing_milestone,
)
from tests.driver import DEMO_CONFIG, make_bot, oslo, record_all_preconditions
from tests.helpers import assert_refused, make_config

YEAR = 2027
REGIONS = {
    "Agder",
    "Akershus",
    "Buskerud",
    "Finnmark",
    "Innlandet",
    "Møre og Romsdal",
    "Nordland",
    "Oslo",
    "Rogaland",
    "Telemark",
    "Troms",
    "Trøndelag",
    "Vestfold",
    "Vestland",
    "Østfold",
}


@pytest.fixture(scope="module")
def config() -> AppConfig:
    return load_config(DEMO_CONFIG)


def item(config: AppConfig, key: str, *, year: int = YEAR, region: str | None = "agder") -> Item:
    spec = config.milestone(key)
    assert spec is not None, f"app.yaml has no milestone {key!r}"
    return milestone_item(config, milestone=spec, year=year, region=region)


def test_the_fifteen_regions(config: AppConfig) -> None:
    assert {region.short for region in config.parties.regions} == REGIONS
    assert len(config.parties.regions) == 15
    assert len({region.key for region in config.parties.regions}) == 15


def test_the_actors_and_the_working_committee(config: AppConfig) -> None:
    assert [actor.key for actor in config.parties.actors] == ["IN", "SIVA", "NFR", "RFF"]
    assert config.parties.coordinator.key == "AU"


def test_national_spring_at_the_latest_in_march(config: AppConfig) -> None:
    """§1: «Vårmøtet avholdes senest mars»."""
    spring = item(config, "national-spring")
    assert spring.national and spring.region is None
    assert spring.deadline == date(YEAR, 3, 31)
    assert spring.start.year == YEAR and spring.start <= date(YEAR, 3, 1)
    assert spring.spec.responsible == "coordinator"


def test_regional_spring_in_the_spring_half_year_after_the_national_one(config: AppConfig) -> None:
    """§3.1: in the spring half-year (e.g. April), as follow-up of the national spring meeting."""
    regional = item(config, "regional-spring")
    assert regional.region == "agder"
    assert date(YEAR, 1, 1) <= regional.start and regional.deadline <= date(YEAR, 6, 30)
    assert regional.deadline == date(YEAR, 6, 30)
    assert regional.spec.suggested_month == 4
    assert [(after.key, after.cycle) for after in regional.spec.after] == [("national-spring", 0)]
    assert "actors" in regional.spec.prepare
    assert regional.spec.responsible == "region"


def test_national_autumn_in_october_or_november(config: AppConfig) -> None:
    """§1: «Høstmøtet avholdes oktober/november»."""
    autumn = item(config, "national-autumn")
    assert autumn.national
    assert autumn.start == date(YEAR, 10, 1)
    assert autumn.deadline == date(YEAR, 11, 30)
    assert autumn.spec.responsible == "coordinator"


def test_regional_autumn_in_the_autumn_half_year_after_the_national_one(config: AppConfig) -> None:
    """§3.2: in the autumn half-year (e.g. November), as follow-up of the national autumn meeting."""
    regional = item(config, "regional-autumn")
    assert date(YEAR, 7, 1) <= regional.start and regional.deadline <= date(YEAR, 12, 31)
    assert regional.spec.suggested_month == 11
    assert [(after.key, after.cycle) for after in regional.spec.after] == [("national-autumn", 0)]
    assert regional.spec.responsible == "region"


def test_the_draft_is_treated_politically_after_the_autumn_meeting_and_before_signing(config: AppConfig) -> None:
    """§3.2: the draft of agreement 2027 comes out of the autumn meeting of 2026 and is treated before signing."""
    draft = item(config, "draft-political")
    signing = item(config, "signing")
    assert draft.start.year == YEAR - 1
    assert draft.deadline <= signing.deadline
    assert draft.deadline <= date(YEAR, 1, 31)
    assert ("regional-autumn", -1) in [(after.key, after.cycle) for after in draft.spec.after]
    assert "draft-political" in [after.key for after in signing.spec.after]
    autumn_before = item(config, "regional-autumn", year=YEAR - 1)
    assert autumn_before.start <= draft.start or draft.start < autumn_before.deadline


def test_signing_in_january_after_budgets_and_every_allocation_letter(config: AppConfig) -> None:
    """§2.1/§3.2: signed in January, after the state budget, the region's budget and the actors' letters."""
    signing = item(config, "signing")
    assert (signing.start, signing.deadline) == (date(YEAR, 1, 1), date(YEAR, 1, 31))
    assert signing.spec.requires_preconditions and signing.spec.signed_by_parties
    assert signing_milestone(config) == signing.spec
    preconditions = precondition_items(config, year=YEAR, region="agder")
    owners = {(p.key, p.region, p.actor) for p in preconditions}
    assert ("statsbudsjett", None, None) in owners  # one national fact
    assert ("budsjett", "agder", None) in owners  # the region's own budget
    assert {actor for key, _, actor in owners if key == "tildelingsbrev"} == {"IN", "SIVA", "NFR", "RFF"}
    for precondition in preconditions:
        assert precondition.deadline <= signing.deadline, precondition.ident
    assert agreement_parties(config, region="agder") == ["agder", "IN", "SIVA", "NFR", "RFF"]


def test_assignment_agreements_in_january(config: AppConfig) -> None:
    """§3.3: assignment agreements, where there are any, are sent to the actors in January."""
    assignments = item(config, "assignments")
    assert (assignments.start, assignments.deadline) == (date(YEAR, 1, 1), date(YEAR, 1, 31))
    assert assignments.spec.optional
    assert assignments.spec.responsible == "region"


def test_au_summons_the_national_meetings_and_regions_their_own(config: AppConfig) -> None:
    """§4.1: AU summons the national theme meetings, in good time; §4.2: the region its own meetings."""
    for milestone in national_milestones(config, year=YEAR):
        assert milestone.spec.responsible == "coordinator", milestone.key
        assert "actors" in milestone.spec.prepare
    assert {m.key for m in national_milestones(config, year=YEAR)} == {"national-spring", "national-autumn"}
    for milestone in regional_milestones(config, year=YEAR, region="vestland"):
        assert milestone.spec.responsible == "region", milestone.key
        assert milestone.region == "vestland"
    leads = [lead.days for lead in config.leads_for(config.milestone("national-spring"))]
    assert max(leads) >= 28, "AU must be reminded in good time before the national meetings"


def test_the_wheel_is_ordered_and_pairs_national_before_regional(config: AppConfig) -> None:
    items = cycle_items(config, year=YEAR, region="agder")
    deadlines = [entry.deadline for entry in items]
    assert deadlines == sorted(deadlines)
    keys = {entry.key for entry in items if entry.kind == "milestone"}
    assert keys == {m.key for m in config.milestones}
    for national, regional in (("national-spring", "regional-spring"), ("national-autumn", "regional-autumn")):
        assert item(config, national).start <= item(config, regional).deadline
        assert item(config, national).deadline <= item(config, regional).deadline


def test_rff_switched_off_is_no_party() -> None:
    config = make_config(rff_enabled=False)
    assert config.actor("RFF") is not None and not config.actor("RFF").enabled
    assert agreement_parties(config, region="agder") == ["agder", "IN", "SIVA", "NFR"]
    letters = [p.actor for p in precondition_items(config, year=YEAR, region="agder") if p.key == "tildelingsbrev"]
    assert letters == ["IN", "SIVA", "NFR"]


def test_rff_switched_off_the_agreement_completes_without_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10), config=make_config(rff_enabled=False))
    record_all_preconditions(bot, year=YEAR)
    assert_refused(bot, "signer agder", as_="rita", contains="ikke part")
    assert_refused(bot, "forutsetning tildelingsbrev 2027", as_="rita", contains="ikke part")
    assert_refused(bot, "oppdrag RFF sendt 2027", as_="kari")
    for person in ("kari", "ola", "siri"):
        assert bot.say("signer agder 2027", as_=person).ok
    reply = bot.say("signer agder 2027", as_="nils")
    assert reply.ok and "signert av alle parter" in reply.title
    assert set(bot.core.state.signatures(region="agder", year=YEAR)) == {"agder", "IN", "SIVA", "NFR"}


def test_arshjul_2027_places_each_item_in_its_month() -> None:
    bot = make_bot()
    reply = bot.say("årshjul 2027")
    assert reply.ok
    months = {section.title: section.text or "" for section in reply.sections if section.title}
    assert "Vårmøtet" in months["Mars"] or "Nasjonalt temamøte vår" in months["Mars"]
    assert "Regionalt dialogmøte vår" in months["April"]
    assert "Nasjonalt temamøte høst" in months["November"]
    assert "Administrativt dialogmøte høst" in months["November"]
    assert "Signering av samarbeidsavtalen" in months["Januar"]
    assert "Oppdragsavtaler" in months["Januar"]
    # December 2027 holds the work on agreement 2028: its budgets and the political treatment of its draft.
    assert "Politisk behandling" in months["Desember"] and "(avtale 2028)" in months["Desember"]
    assert "Politisk behandling av utkast til samarbeidsavtale (avtale 2028)" in months["Desember"]
    assert "31. januar 2027" not in months["Desember"]
