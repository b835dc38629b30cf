"""Slack Connect (issue 20): a person from another organisation in a shared channel, through the real HTTP
path. Their workspace (`user_team`) is their organisation: bound to IN, they read IN's `neste` and sign for
IN with no `person` command; unbound, they are told how to join, and Agder's coordinator lets them in."""

from __future__ import annotations

import copy

from adapters.slack.translate import action_request, mention_request
from bot.core import Core

from . import test_integration
from .harness import fixture, running
from .standin import Answer
from .test_integration import ready_to_sign, terminal

core = test_integration.core
"""The real core on the demo app.yaml, as the integration tests have it."""


def mention(text: str, *, event_id: str, user_team: str = "T0INNOVA", channel: str = "C0INAGDER") -> dict:
    payload = copy.deepcopy(fixture("event_app_mention_connect"))
    payload["event"].update(text=f"<@U0SAMBOT> {text}", user_team=user_team, team=user_team, channel=channel)
    payload["event_id"] = event_id
    return payload


def test_the_external_workspace_is_the_persons_organisation() -> None:
    request = mention_request(fixture("event_app_mention_connect"))
    assert (request.organisation, request.external, request.user_id) == ("T0INNOVA", True, "U0EVA")
    own = mention_request(fixture("event_app_mention"))
    assert (own.organisation, own.external) == ("T0SAMHAND", False)
    click = fixture("block_actions_connect")
    clicked = action_request(click, click["actions"][0])
    assert (clicked.organisation, clicked.external) == ("T0INNOVA", True)


async def test_a_person_of_a_bound_workspace_reads_ins_neste_and_signs_for_in(core: Core) -> None:
    ready_to_sign(core)
    terminal(core, "admin", "nasjonal", "koble organisasjon T0INNOVA IN")
    async with running(core) as h:
        await h.event(mention("neste", event_id="Ev0CONNECT1"))
        await h.settle()
        (shown,) = h.standin.calls_to("chat.postEphemeral")
        click = fixture("block_actions_connect")
        await h.interact(click)
        await h.settle()
    assert shown.body["user"] == "U0EVA" and shown.body["channel"] == "C0INAGDER"
    assert "Innovasjon Norge" in str(shown.body["blocks"])
    assert "Mangler signatur: Agder, Siva, Norges forskningsråd, Regionale forskningsfond" in terminal(
        core, "kari", "agder", "status agder"
    )
    assert "eva (Slack): Signerte samarbeidsavtalen 2027" in terminal(core, "kari", "agder", "logg agder")


async def test_an_unbound_workspace_is_told_how_to_join_and_the_coordinator_lets_them_in(core: Core) -> None:
    ready_to_sign(core)
    async with running(core) as h:
        await h.event(mention("signer IN agder 2027", event_id="Ev0CONNECT2", user_team="T0OTHER1", channel="C0AGDER"))
        await h.settle()
        refused = h.standin.calls_to("chat.postEphemeral")[-1]
        await h.event(mention("bli med agder", event_id="Ev0CONNECT3", user_team="T0OTHER1", channel="C0AGDER"))
        await h.settle()
        asked = [c for c in h.standin.calls_to("chat.postMessage") if "vil bli med" in str(c.body)]
        buttons = [e for b in asked[0].body["blocks"] if b["type"] == "actions" for e in b["elements"]]
        await h.click(buttons[0]["value"], user="U0KARI", channel="C0AGDER")
        await h.settle()
    assert "bli med" in str(refused.body) and refused.body["user"] == "U0EVA"
    assert asked[0].body["channel"] == "C0AGDER" and "<@U0KARI>" in str(asked[0].body)
    assert [b["value"] for b in buttons] == ["opptak ja 1", "opptak nei 1"]
    assert "slapp inn Eva som rådgiver for Agder" in terminal(core, "kari", "agder", "logg agder")
    assert core.directory.caller(platform="slack", user_id="U0EVA").party == "agder"


async def test_when_slack_connect_stops_the_private_reply_and_the_dm_the_bot_says_so(core: Core) -> None:
    async with running(core) as h:
        h.standin.script("chat.postEphemeral", Answer(error="restricted_action"))
        h.standin.script("conversations.open", Answer(error="cannot_dm_bot"))
        await h.event(mention("neste", event_id="Ev0CONNECT4"))
        await h.settle()
        said = [c for c in h.standin.calls_to("chat.postMessage") if "Slack Connect" in str(c.body)]
    assert len(said) == 1 and said[0].body["channel"] == "C0INAGDER"
    assert said[0].body["text"].startswith("<@U0EVA> Slack Connect lar meg ikke sende deg private svar")


async def test_a_person_of_the_installing_workspace_is_not_told_about_slack_connect(core: Core) -> None:
    async with running(core) as h:
        h.standin.script("chat.postEphemeral", Answer(error="restricted_action"))
        h.standin.script("conversations.open", Answer(error="cannot_dm_bot"))
        await h.event(mention("neste", event_id="Ev0CONNECT5", user_team="T0SAMHAND"))
        await h.settle()
    assert not [c for c in h.standin.calls_to("chat.postMessage") if "Slack Connect" in str(c.body)]
