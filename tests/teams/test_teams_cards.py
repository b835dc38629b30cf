"""What Teams people see, without a browser: text shown as typed (markdown escaped), links as links, lists
as lists, buttons that fit, and every reply within the connector's size limit, cut with a pointer; over
HTTP: a reply the connector still refuses is told to the person, and a clicked card whose message is gone
is answered with a new message."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from adapters.teams.activities import card_activity, reply_activity
from adapters.teams.cards import render_card
from adapters.teams.fit import MAX_ACTIVITY_BYTES, activity_bytes
from adapters.teams.markdown import escape
from bot.messages import Button, Fact, Form, FormField, ItemState, Outcome, Reply, Request, Section
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts, load_activity


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("30. november 2026 (om 38 dager)", "30\\. november 2026 (om 38 dager)"),
        ("Frist\n1. mars", "Frist\n1\\. mars"),
        ("[Klikk her](https://evil.example/x)", "\\[Klikk her\\](https://evil.example/x)"),
        (
            "*viktig* og _dette_ og `kode` og ~~slett~~",
            "\\*viktig\\* og \\_dette\\_ og \\`kode\\` og \\~\\~slett\\~\\~",
        ),
        ("# Overskrift", "\\# Overskrift"),
        ("> sitat", "\\> sitat"),
        ("- punkt", "\\- punkt"),
        ("Se https://example.no/r.pdf.", "Se https://example.no/r.pdf."),
    ],
)
def test_text_from_people_is_shown_as_text(typed: str, shown: str) -> None:
    assert escape(typed) == shown


def test_a_long_link_is_a_link_labelled_with_its_host_and_a_long_word_gets_break_points() -> None:
    url = "https://www.agderfk.no/politikk/samhandling/moter/2026/regionalt-dialogmote-var-referat.pdf"
    assert escape(f"Referat: {url}") == f"Referat: [www.agderfk.no/…/regionalt-dialogmote-var-referat.pdf]({url})"
    word = "Forskningsrådsfinansieringsordningsgjennomgangen"
    assert "\u200b" in escape(word) and escape(word).replace("\u200b", "") == word
    sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    assert escape(f"SHA-256: {sha}") == f"SHA-256: {sha}"


def _blocks(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(elements: list[dict[str, Any]]) -> None:
        for element in elements:
            found.append(element)
            walk(element.get("items") or [])
            for column in element.get("columns") or []:
                walk(column.get("items") or [])

    walk(card["body"])
    return found


def test_every_text_block_and_fact_is_escaped_and_no_card_opens_with_an_empty_block() -> None:
    reply = Reply(
        title="Status Agder",
        text="fallback",
        sections=(
            Section(title="", text="7 av 14 punkter er ferdige."),
            Section(
                title="Signering",
                facts=(Fact("Frist", "30. november 2026"), Fact("Referat", "*Se* [her](https://x.no)")),
            ),
        ),
    )
    card = render_card(reply)
    assert card["body"][0]["text"] == "Status Agder"
    assert all(block.get("text", "x").strip() for block in _blocks(card) if block["type"] == "TextBlock")
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    assert facts == [
        {"title": "Frist", "value": "30\\. november 2026"},
        {"title": "Referat", "value": "\\*Se\\* \\[her\\](https://x.no)"},
    ]


def test_lists_are_lists_one_line_per_item() -> None:
    decisions = "; ".join(f"Vedtak {n}" for n in range(1, 41))
    wheel = "Tildelingsbrev – frist 31. januar 2026\nSignering – frist 31. januar 2026"
    card = render_card(
        Reply(
            title="x",
            text="x",
            sections=(Section(title="Møte", facts=(Fact("Vedtak", decisions),)), Section(title="Januar", text=wheel)),
        )
    )
    texts = card_texts(card)
    assert "• Vedtak 1" in texts and "• Vedtak 40" in texts
    assert "• Tildelingsbrev – frist 31. januar 2026" in texts


def test_overdue_is_marked_with_colour_and_word() -> None:
    # The state comes with the section (bot.facts.item_state), not from reading its words.
    overdue = Section(
        title="Forsinket: Signering 2026", text="Frist 31. januar (3 dager på overtid).", state=ItemState.OVERDUE
    )
    card = render_card(Reply(title="Påminnelser", text="x", sections=(overdue,)))
    title, line = card["body"][1:3]
    assert title["color"] == "Attention" and title["text"].startswith("⚠ Forsinket")
    assert line["color"] == "Attention" and "på overtid" in line["text"]
    # The same words without the state are not coloured: nothing is read from prose.
    plain = render_card(Reply(title="Påminnelser", text="x", sections=(replace(overdue, state=None),)))
    assert "color" not in plain["body"][1] and not plain["body"][1]["text"].startswith("⚠")


def test_oversikt_is_a_table_a_row_per_region_a_column_per_milestone() -> None:
    labels = ["Handlingsplan", "Politisk behandling", "Signering", "Dialogmøte vår"]
    values = ["✓ 12.01", "⚠ frist 31. mars", "⚠ 2/5 signert", "22.04"]
    states = [ItemState.DONE, ItemState.OVERDUE, ItemState.OVERDUE, ItemState.PLANNED]
    regions = [
        Section(
            title=name,
            facts=tuple(
                Fact(label, value, state=state) for label, value, state in zip(labels, values, states, strict=True)
            ),
        )
        for name in ("Agder", "Oslo", "Troms")
    ]
    card = render_card(Reply(title="Oversikt", text="x", sections=tuple(regions)))
    (table,) = [b for b in card["body"] if b["type"] == "ColumnSet"]
    names, *columns = table["columns"]
    assert len(columns) == len(labels)
    assert names["items"][1]["text"].split("\n\n") == ["Agder", "Oslo", "Troms"]
    assert [c["items"][1]["text"].split("\n\n")[0] for c in columns] == ["✓", "⚠", "⚠2/5", "◷"]
    assert "1 Handlingsplan" in card_texts(card)[-2]


def test_many_sign_buttons_one_per_row_with_names_and_one_primary() -> None:
    parties = ["Agder", "IN", "SIVA", "NFR", "RFF"]
    buttons = tuple(Button(f"Signer for {p}", f"signer {p} agder 2026", confirm=f"Signere for {p}?") for p in parties)
    card = render_card(Reply(title="Klar til signering", text="x", buttons=buttons))
    assert "actions" not in card  # not five buttons in one row
    rows = [b for b in card["body"] if b["type"] == "ActionSet"]
    assert [row["actions"][0]["title"] for row in rows] == [f"Signer for {p}" for p in parties]
    assert [a.get("style") for a in all_actions(card)] == ["positive", None, None, None, None]
    assert all(a["card"]["actions"][0]["style"] == "positive" for a in all_actions(card))  # each "Bekreft"


def test_form_inputs_have_a_max_length() -> None:
    form = Form(
        title="Referat: vårmøtet 2026",
        submit_command="referat",
        fields=(FormField("a", "A"), FormField("b", "B", multiline=True)),
    )
    card = render_card(Reply(title="Referat", text="x", form=form))
    inputs = [b for b in card["body"] if b["type"] == "Input.Text"]
    assert [i["maxLength"] for i in inputs] == [300, 4000]


def test_every_reply_fits_and_what_is_cut_says_where_to_read_it_all() -> None:
    minutes = "Godt møte om havbruk og grønn omstilling, med mange vedtak. " * 40
    sections = tuple(
        Section(title=f"Møte {n}", facts=(Fact("Referat", minutes), Fact("Status", "Ferdig"))) for n in range(12)
    )
    reply = Reply(title="Status Agder fylkeskommune – syklus 2027", text=minutes * 12, sections=sections)
    activity = reply_activity(reply, channel="msteams", origin="status agder 2027")
    assert activity_bytes(activity.serialize()) <= MAX_ACTIVITY_BYTES
    texts = card_texts(activity.attachments[0].content)
    assert texts[0] == "Status Agder fylkeskommune – syklus 2027"
    assert texts[-1] == "Svaret er forkortet for Teams. Se hele: «@Samhandling status agder 2027»"
    personal = reply_activity(reply, channel="msteams", origin="status agder 2027", personal=True)
    assert card_texts(personal.attachments[0].content)[-1].endswith("Se hele: «status agder 2027»")
    plain = reply_activity(reply, channel="slack-like", origin="status agder 2027")
    assert activity_bytes(plain.serialize()) <= MAX_ACTIVITY_BYTES and plain.text.endswith(
        "«@Samhandling status agder 2027»"
    )
    small = card_activity(render_card(Reply(title="x", text="y")), summary="x", pointer=None)
    assert "forkortet" not in str(small.attachments[0].content)


class _Huge(FakeCore):
    def answer(self, request: Request) -> Outcome:
        self.requests.append(request)
        return Outcome(Reply(title="Status", text="status"), reads_only=True)  # a read: "Se hele" may name it


def test_a_reply_the_connector_still_refuses_is_told_to_the_person(run) -> None:
    core = _Huge()

    async def body() -> list[Any]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            connector.fail_with = [413]
            activity = load_activity("channel_message_mention", service_url=connector.url)
            activity["text"] = "<at>Samhandling</at> status agder 2027"
            assert await server.post(activity) == 201
            return [p.activity for p in connector.accepted]
        finally:
            await server.stop()
            await connector.stop()

    (told,) = run(body())
    assert told["text"].startswith("Status") and "Se hele: «@Samhandling status agder 2027»" in told["text"]


def test_command_hints_are_written_as_typed_in_teams() -> None:
    reply = Reply(
        title="Neste", text="Skriv «neste» for mer, eller «hjelp signer».", context="«Agder» er ikke en kommando"
    )
    in_channel = card_texts(reply_activity(reply, channel="msteams").attachments[0].content)
    assert in_channel[1] == "Skriv «@Samhandling neste» for mer, eller «@Samhandling hjelp signer»."
    assert in_channel[-1] == "«Agder» er ikke en kommando"
    in_chat = card_texts(reply_activity(reply, channel="msteams", personal=True).attachments[0].content)
    assert in_chat[1] == "Skriv «neste» for mer, eller «hjelp signer»."


def test_a_click_on_a_card_that_cannot_be_updated_is_answered_with_a_new_message(run) -> None:
    core = FakeCore()

    async def body() -> tuple[list[Any], list[Any]]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            connector.fail_with = [404]  # the card's message was deleted
            assert await server.post(load_activity("card_submit", service_url=connector.url)) == 201
            return connector.updated, connector.accepted
        finally:
            await server.stop()
            await connector.stop()

    updated, accepted = run(body())
    assert updated == []
    assert accepted[0].card is not None and accepted[0].card["body"][0]["text"] == "Signert"


def test_a_refusal_listing_several_missing_items_shows_them_as_a_list() -> None:
    text = (
        "Avtalen 2026 kan ikke signeres ennå. Mangler: Statsbudsjettet vedtatt; Fylkeskommunens budsjett vedtatt; "
        "Tildelingsbrev mottatt – IN. Etter modellen signeres avtalen når alt er på plass."
    )
    card = render_card(Reply(title="Ikke registrert", text=text, ok=False))
    assert card_texts(card) == [
        "Ikke registrert",
        "Avtalen 2026 kan ikke signeres ennå. Mangler:",
        "• Statsbudsjettet vedtatt",
        "• Fylkeskommunens budsjett vedtatt",
        "• Tildelingsbrev mottatt – IN",
        "Etter modellen signeres avtalen når alt er på plass.",
    ]
