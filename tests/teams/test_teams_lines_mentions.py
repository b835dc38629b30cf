"""What people type in Teams arrives intact: lines kept (each line of ``vedtak:`` one decision, each line of
``oppfølging:`` one follow-up) and mentions of people passed on as ``<@user_id>`` tokens."""

from __future__ import annotations

from typing import Any

import pytest
from botbuilder.schema import Activity

from adapters.teams.translate import read_command, to_request
from bot.messages import Request
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_real_core import _core

BOT_ID = "28:00000000-0000-0000-0000-0000000b0701"
KARI_AAD = "11111111-0000-0000-0000-000000000001"


def _activity(text: str, *, html: str | None = None, entities: list[dict[str, Any]] | None = None) -> Activity:
    raw = load_activity("channel_message_mention", service_url="http://127.0.0.1:1")
    raw["text"] = text
    if html is None:
        raw.pop("attachments", None)
    else:
        raw["attachments"] = [{"contentType": "text/html", "content": html}]
    if entities is not None:
        raw["entities"] = [raw["entities"][0], *entities]
    return Activity().deserialize(raw)


MINUTES_LINES = [
    "referat vår agder 2026 Godt møte om havbruk https://dok.fylke.no/r.pdf",
    "vedtak: Felles søknad",
    "Ny arbeidsgruppe",
    "oppfølging: Sende utkast @IN",
    "Kalle inn til verksted @agder",
]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<at>Samhandling</at> " + "\n".join(MINUTES_LINES), None),  # plain text with "\n"
        ("<at>Samhandling</at> " + "\r\n".join(MINUTES_LINES), None),
        ("<at>Samhandling</at> " + "<br>".join(MINUTES_LINES), None),  # markup in activity.text
        (
            "<at>Samhandling</at> " + " ".join(MINUTES_LINES),  # flattened text, lines only in the HTML
            '<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">Samhandling</span>&nbsp;'
            + "</p><p>".join(MINUTES_LINES)
            + "</p>",
        ),
        (
            "<at>Samhandling</at> " + " ".join(MINUTES_LINES),
            "<div><div>"
            + '<span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">Samhandling</span> '
            + "<br>".join(MINUTES_LINES)
            + "</div></div>",
        ),
    ],
)
def test_lines_are_kept(text: str, html: str | None) -> None:
    command, mentions = read_command(_activity(text, html=html))
    assert command.split("\n") == MINUTES_LINES
    assert mentions == ()


def test_a_person_mention_becomes_a_token_and_the_bot_mention_goes() -> None:
    entity = {
        "type": "mention",
        "text": "<at>Kari Nordmann</at>",
        "mentioned": {"id": "29:kari", "name": "Kari Nordmann", "aadObjectId": KARI_AAD},
    }
    request = to_request(
        _activity("<at>Samhandling</at> person <at>Kari Nordmann</at> agder koordinator", entities=[entity])
    )
    assert request is not None
    assert request.text == f"person <@{KARI_AAD}> agder koordinator"
    assert [(m.user_id, m.display) for m in request.mentions] == [(KARI_AAD, "Kari Nordmann")]


def test_a_mention_without_an_aad_id_uses_the_channel_account_id() -> None:
    entity = {"type": "mention", "text": "<at>Ola</at>", "mentioned": {"id": "29:ola", "name": "Ola"}}
    command, mentions = read_command(
        _activity("<at>Samhandling</at> referat vår x\noppfølging: Sende utkast <at>Ola</at>", entities=[entity])
    )
    assert command == "referat vår x\noppfølging: Sende utkast <@29:ola>"
    assert [m.user_id for m in mentions] == ["29:ola"]


def test_a_multi_line_minutes_in_teams_stores_each_decision_and_follow_up_as_typed(run) -> None:
    core = _core()

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            activity = load_activity("channel_message_mention", service_url=connector.url)
            activity["text"] = "<at>Samhandling</at> " + "\n".join(MINUTES_LINES)
            activity["attachments"] = [
                {"contentType": "text/html", "content": "<p>" + "<br>".join(MINUTES_LINES) + "</p>"}
            ]
            assert await server.post(activity) == 201
            card = connector.accepted[-1].card
            assert card is not None and "2 vedtak, 2 oppfølgingspunkter" in card["fallbackText"]
        finally:
            await server.stop()
            await connector.stop()

    run(body())
    outcome = core.store.read("cycle/agder/2026")["milestones"]["regional-spring"]["outcome"]
    assert outcome["decisions"] == ["Felles søknad", "Ny arbeidsgruppe"]
    assert [(f["text"], f["owner"]) for f in outcome["followups"]] == [
        ("Sende utkast", "IN"),
        ("Kalle inn til verksted", "agder"),
    ]


def test_person_with_a_teams_mention_registers_that_user(run) -> None:
    core = _core()
    new_user = "22222222-0000-0000-0000-000000000042"

    async def body() -> dict[str, Any]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            activity = load_activity("channel_message_mention", service_url=connector.url)
            activity["from"] = dict(activity["from"], aadObjectId="11111111-0000-0000-0000-000000000009")  # admin
            activity["text"] = "<at>Samhandling</at> person <at>Nina Ny</at> agder koordinator"
            activity["entities"].append(
                {
                    "type": "mention",
                    "text": "<at>Nina Ny</at>",
                    "mentioned": {"id": "29:nina", "name": "Nina Ny", "aadObjectId": new_user},
                }
            )
            assert await server.post(activity) == 201
            return connector.accepted[-1].card
        finally:
            await server.stop()
            await connector.stop()

    card = run(body())
    assert card["body"][0].get("color") != "Attention", card["fallbackText"]
    status = core.handle(Request(platform="teams", user_id=new_user, channel_id="19:agder@thread.tacv2", text="neste"))
    assert status.reply.ok


def test_a_mention_with_only_the_teams_id_of_someone_who_spoke_names_that_person(run) -> None:
    """Walk15b N5: Teams' @-picker may send only the Teams id (29:…); the bot learnt it when Ola spoke, so his
    point is his even when the display name is not the one the bot knows."""
    core = _core()
    ola_aad = "11111111-0000-0000-0000-000000000003"

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ola = load_activity("channel_message_mention", service_url=connector.url)
            ola["from"] = {"id": "29:1xY7example-ola", "name": "Ola Berg", "aadObjectId": ola_aad}
            ola["conversation"] = dict(ola["conversation"], id="19:in@thread.tacv2;messageid=1")
            ola["id"], ola["text"] = "ola-1", "<at>Samhandling</at> neste"
            assert await server.post(ola) == 201
            kari = load_activity("channel_message_mention", service_url=connector.url)
            kari["text"] = "<at>Samhandling</at> " + "\n".join(
                [*MINUTES_LINES[:3], "oppfølging: Sende tall <at>O. Berg</at>"]
            )
            kari["entities"].append(
                {
                    "type": "mention",
                    "text": "<at>O. Berg</at>",
                    "mentioned": {"id": "29:1xY7example-ola", "name": "O. Berg"},
                }
            )
            assert await server.post(kari) == 201
        finally:
            await server.stop()
            await connector.stop()

    run(body())
    outcome = core.store.read("cycle/agder/2026")["milestones"]["regional-spring"]["outcome"]
    assert [(f["text"], f["owner"], f["owner_name"]) for f in outcome["followups"]] == [
        ("Sende tall", "ola", "Ola Berg")
    ]
