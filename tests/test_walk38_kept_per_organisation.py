"""A kept `neste` is never served to the same person speaking from another organisation (walk 38 F1).

A person's own repeat was found by platform, user id, name and channel alone, so the reply kept for her as
Innovasjon Norge's adviser (her Slack team or Teams tenant bound to IN) was served when she spoke from Siva's
organisation, or with no organisation at all (a Teams roster read that failed, asked again later), and the
first client locale's written form stuck all day. Each answer here must be what a bot that never kept
anything says to the same request (bot/reply_cache.py `Key`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from adapters.compose import make_core
from adapters.terminal import render
from bot.messages import Request
from tests.driver import BotDriver, make_bot, oslo

ADMIN = {"slack": "U0ADMIN", "teams": "11111111-0000-0000-0000-000000000009"}
ORGANISATIONS = {
    "slack": {"IN": "T0INNOVXX", "SIVA": "T0SIVAXXX", "vestland": "T0VLFKXXX"},
    "teams": {
        "IN": "aaaaaaaa-0000-4000-8000-00000000000a",
        "SIVA": "bbbbbbbb-0000-4000-8000-00000000000b",
        "vestland": "cccccccc-0000-4000-8000-00000000000c",
    },
}
SHARED = {
    ("slack", "agder"): "C0DELTAGDER",
    ("slack", "vestland"): "C0DELTVESTLAND",
    ("teams", "agder"): "19:delt-agder@thread.tacv2",
    ("teams", "vestland"): "19:delt-vestland@thread.tacv2",
}


def _bot() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    for platform, region in SHARED:
        bound = Request(platform=platform, user_id=ADMIN[platform], channel_id=SHARED[platform, region], text="")
        assert bot.core.handle(replace(bound, text=f"koble region {region}")).reply.ok
    for party, team in ORGANISATIONS["slack"].items():
        assert bot.say(f"koble organisasjon {team} {party}", as_="admin", channel="nasjonal").ok
        assert bot.say(f"koble organisasjon {ORGANISATIONS['teams'][party]} {party}", as_="admin").ok
    return bot


def _ask(
    bot: BotDriver,
    text: str,
    *,
    platform: str,
    user: str,
    channel: str,
    organisation: str | None = None,
    locale: str | None = None,
) -> str:
    request = Request(
        platform=platform,
        user_id=user,
        user_name="Inga Aas",
        channel_id=channel,
        text=text,
        organisation=organisation,
        external=organisation is not None,
        locale=locale,
    )
    kept = bot.core.handle(request)
    assert kept.reply.ok, kept.reply.text
    anew = make_core(config=bot.core.config, store=bot.core.store, clock=bot.clock).handle(request)
    assert render(kept.reply) == render(anew.reply), (text, platform, channel, organisation, locale)
    return kept.reply.title


@pytest.mark.parametrize(("platform", "region"), sorted(SHARED))
def test_the_same_person_from_another_organisation_gets_that_organisations_neste(platform: str, region: str) -> None:
    bot = _bot()
    channel = SHARED[platform, region]
    organisations = ORGANISATIONS[platform]
    name = {"agder": "Agder fylkeskommune", "vestland": "Vestland fylkeskommune"}[region]
    for command in ("neste", "status", "neste agder", "næraste"):
        for user in ("inga", "inge"):  # one asks first as IN, the other first with no organisation known
            order = [organisations["IN"], organisations["SIVA"], None, organisations["vestland"], organisations["IN"]]
            if user == "inge":
                order.reverse()
            for organisation in order:
                _ask(bot, command, platform=platform, user=user, channel=channel, organisation=organisation)
    assert _ask(bot, "neste", platform=platform, user="eva", channel=channel, organisation=organisations["IN"]) == (
        f"Neste for Innovasjon Norge i {name}"
    )
    assert _ask(bot, "neste", platform=platform, user="eva", channel=channel, organisation=organisations["SIVA"]) == (
        f"Neste for Siva i {name}"
    )
    assert _ask(bot, "neste", platform=platform, user="eva", channel=channel) == f"Neste for {name}"


def test_a_teams_locale_changed_the_same_day_gives_that_written_form() -> None:
    bot = _bot()
    channel, siva = SHARED["teams", "agder"], ORGANISATIONS["teams"]["SIVA"]
    for locale in ("nb-NO", "nn-NO", "nb-NO", None, "nn"):
        _ask(bot, "neste", platform="teams", user="siv", channel=channel, organisation=siva, locale=locale)
    texts = {
        locale: render(
            bot.core.handle(
                Request(
                    platform="teams", user_id="siv", channel_id=channel, text="neste", organisation=siva, locale=locale
                )
            ).reply
        )
        for locale in ("nb-NO", "nn-NO")
    }
    assert "Ikke fullført fra tidligere sykluser" in texts["nb-NO"]
    assert "Ikkje fullført frå tidlegare syklusar" in texts["nn-NO"]
