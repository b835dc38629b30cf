"""Rendering and translation are plain functions: no network."""

from __future__ import annotations

import json

from adapters.slack import answer, render, translate, views
from bot.messages import Button, Fact, Form, FormField, Reply, Section, Visibility

from .harness import fixture


def _overview(regions: int, facts: int = 4) -> Reply:
    sections = tuple(
        Section(title=f"Region {i}", facts=tuple(Fact(f"Milepæl {j}", f"status {j} <ok> & klar") for j in range(facts)))
        for i in range(regions)
    )
    return Reply(title="Oversikt 2027", text="…", sections=sections, context="15 regioner")


def test_reply_renders_header_fields_and_context() -> None:
    reply = Reply(
        title="Neste for Agder",
        text="plain",
        sections=(Section(title="Vårmøte", facts=(Fact("Frist", "30. april"), Fact("Ansvarlig", ""))),),
        context="Agder · 2027",
    )
    blocks = render.render_blocks(reply)
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": "Neste for Agder", "emoji": True}}
    assert blocks[1]["text"]["text"] == "*Vårmøte*"
    assert [f["text"] for f in blocks[1]["fields"]] == ["*Frist*\n30. april", "*Ansvarlig*\n–"]
    assert blocks[-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "Agder · 2027"}]}


def test_national_overview_stays_within_block_kit_limits() -> None:
    for regions, facts in ((15, 4), (15, 23), (80, 3)):
        blocks = render.render_blocks(_overview(regions, facts))
        assert len(blocks) <= render.MAX_MESSAGE_BLOCKS
        for block in blocks:
            assert len(block.get("fields", ())) <= render.MAX_FIELDS
            assert len(block.get("text", {}).get("text", "")) <= render.MAX_SECTION_TEXT
            assert all(len(f["text"]) <= render.MAX_FIELD for f in block.get("fields", ()))
    # 80 regions do not fit: the reader is told how many were left out, the context line survives
    blocks = render.render_blocks(_overview(80, 3))
    assert "til er ikke vist" in blocks[-2]["elements"][0]["text"]
    assert blocks[-1]["elements"][0]["text"] == "15 regioner"
    # the 15-region overview fits whole
    assert sum(1 for b in render.render_blocks(_overview(15)) if b["type"] == "section") == 15


def test_long_values_are_clipped_and_escaped() -> None:
    reply = Reply(
        title="T" * 400,
        text="x",
        sections=(Section(title="<@U1> & co", text="a" * 5000, facts=(Fact("L", "&" * 3000),)),),
        context="c" * 4000,
    )
    blocks = render.render_blocks(reply)
    assert len(blocks[0]["text"]["text"]) == render.MAX_HEADER
    assert blocks[1]["text"]["text"].startswith("*&lt;@U1&gt; &amp; co*")
    assert len(blocks[1]["text"]["text"]) <= render.MAX_SECTION_TEXT
    field = blocks[1]["fields"][0]["text"]
    assert len(field) <= render.MAX_FIELD and field.endswith("&amp;…")
    assert len(blocks[-1]["elements"][0]["text"]) <= render.MAX_CONTEXT_TEXT


def test_text_only_reply_is_split_not_a_wall() -> None:
    text = "\n".join(f"linje {i} " + "x" * 90 for i in range(100))
    blocks = render.render_blocks(Reply(title="Hjelp", text=text))
    assert len(blocks) > 2
    assert all(len(b["text"]["text"]) <= render.MAX_SECTION_TEXT for b in blocks[1:])


def test_buttons_carry_command_and_confirm_dialog() -> None:
    reply = Reply(title="Signer", text="", buttons=(Button("Signer", "signer IN agder 2027", confirm="Sikker?"),))
    actions = render.render_blocks(reply)[-1]
    button = actions["elements"][0]
    assert actions["type"] == "actions"
    assert button["action_id"].startswith(render.BUTTON_ACTION_PREFIX)
    assert button["value"] == "signer IN agder 2027"
    assert button["style"] == "primary"
    assert button["confirm"]["text"]["text"] == "Sikker?"
    assert button["confirm"]["confirm"]["text"] == "Ja"


def test_form_becomes_modal_and_submission_becomes_request() -> None:
    form = Form(
        title="Referat fra regionalt vårmøte i Agder",
        submit_command="referat regional-spring",
        fields=(
            FormField("summary", "Referat", multiline=True, optional=False),
            FormField("link", "Lenke", hint="URL"),
        ),
    )
    view = views.form_view(form, private_metadata={"channel": "C0AGDER", "command": form.submit_command})
    assert len(view["title"]["text"]) <= views.MAX_MODAL_TITLE
    assert [b["block_id"] for b in view["blocks"]] == ["summary", "link"]
    assert view["blocks"][0]["optional"] is False and view["blocks"][0]["element"]["multiline"] is True

    body = fixture("view_submission")
    body["view"]["private_metadata"] = view["private_metadata"]
    request = translate.view_request(body)
    assert request.text == "referat regional-spring"
    assert request.channel_id == "C0AGDER" and request.user_id == "U0KARI"
    assert dict(request.fields) == {"summary": "Gjennomgang av avtale 2027."}
    assert request.request_id == "slack:view:V0REFERAT1"


def test_mentions_links_and_entities_are_translated() -> None:
    assert (
        translate.normalize_text("person <@U0PER|per> vestland koordinator") == "person <@U0PER> vestland koordinator"
    )
    assert translate.normalize_text("person <@U0PER> vestland") == "person <@U0PER> vestland"
    assert translate.normalize_text("referat x <https://a.no/r?x=1&amp;y=2|referat> A &amp; B &lt;3") == (
        "referat x https://a.no/r?x=1&y=2 A & B <3"
    )
    assert translate.strip_leading_mention("<@U0SAMBOT> status agder") == "status agder"


def test_double_click_payloads_share_one_request_id() -> None:
    first = fixture("block_actions")
    second = json.loads(json.dumps(first))
    second["actions"][0]["action_ts"] = "1767000004.000000"
    second["trigger_id"] = "another"
    a = translate.action_request(first, first["actions"][0])
    b = translate.action_request(second, second["actions"][0])
    assert a.request_id == b.request_id and a.text == "signer agder agder 2027" and a.user_id == "U0KARI"
    other_user = json.loads(json.dumps(first))
    other_user["user"]["id"] = "U0OLA"
    assert translate.action_request(other_user, other_user["actions"][0]).request_id != a.request_id


def test_fallback_text_and_visibility_do_not_leak_markup() -> None:
    reply = Reply(title="A <b>", text="x" * 10000, visibility=Visibility.CHANNEL)
    payload = render.message_payload(reply)
    assert payload["text"].startswith("A &lt;b&gt;") and len(payload["text"]) <= render.MAX_FALLBACK_TEXT


def test_a_slash_commands_answer_is_the_bytes_bolts_ack_would_send() -> None:
    """`answer.answer_json` (encoded once per reply) is what `ack(response_type=…, **message_payload(…))`
    made Bolt send, byte for byte, and Bolt sends it as JSON."""
    import asyncio

    from slack_bolt.context.ack.async_ack import AsyncAck

    async def acked(**kwargs: object) -> tuple[str, dict[str, list[str]]]:
        ack = AsyncAck()
        response = await ack(**kwargs)  # type: ignore[arg-type]
        return response.body, response.headers

    for reply in (_overview(3), Reply(title="Æ ø å «neste»", text="<@U1> & co", ok=False)):
        for response_type in ("ephemeral", "in_channel"):
            encoded = answer.answer_json(reply, response_type=response_type, more="neste")
            assert answer.answer_json(reply, response_type=response_type, more="neste") is encoded  # kept
            payload = render.message_payload(reply, more="neste")
            assert asyncio.run(acked(response_type=response_type, **payload)) == asyncio.run(acked(text=encoded))
            assert asyncio.run(acked(text=encoded))[1]["content-type"] == ["application/json;charset=utf-8"]


def test_a_new_reply_with_kept_sections_encodes_to_the_same_bytes_as_a_whole_encoding() -> None:
    """A reply worked out anew shares its unchanged sections (and so their blocks) with the one before:
    their JSON is kept (`adapters.slack.answer`), and the answer is still byte for byte `json.dumps`."""
    from dataclasses import replace

    first = _overview(3)
    answer.answer_json(first, response_type="ephemeral", more="neste")
    for again in (
        replace(first, text="other"),
        replace(first, sections=(*first.sections[1:], Section(title="Ny «neste» <x>", text="&"))),
        replace(first, sections=(), text="bare tekst\n" * 3),
    ):
        payload = render.message_payload(again, more="neste")
        whole = json.dumps({"text": payload["text"], "response_type": "in_channel", "blocks": payload["blocks"]})
        assert answer.answer_json(again, response_type="in_channel", more="neste") == whole


def test_a_new_reply_equal_to_one_answered_gets_its_json_and_any_difference_is_encoded_anew() -> None:
    """A channel's answer worked out anew after a write elsewhere is equal to the one before (same texts, same
    kept section objects): its JSON is the one kept (`answer._content_key`). Anything the answer shows that
    differs, or a section that is another object, is encoded anew, byte for byte `json.dumps`."""
    from dataclasses import replace

    def whole(reply: Reply, response_type: str = "ephemeral") -> str:
        payload = render.message_payload(reply, more="neste")
        return json.dumps({"text": payload["text"], "response_type": response_type, "blocks": payload["blocks"]})

    first = replace(_overview(2), buttons=(Button(label="Signer", command="signer agder 2028"),))
    encoded = answer.answer_json(first, response_type="ephemeral", more="neste")
    assert answer.answer_json(replace(first), response_type="ephemeral", more="neste") is encoded
    assert answer.answer_json(replace(first, text=str(first.text)), response_type="ephemeral", more="neste") == encoded
    copied = tuple(Section(title=s.title, facts=s.facts, text=s.text, state=s.state) for s in first.sections)
    for other in (
        replace(first, title="Annen tittel"),
        replace(first, text="annen tekst"),
        replace(first, context="Oppdatert 14.01.2028"),
        replace(first, ok=False),
        replace(first, lang="nn"),
        replace(first, buttons=(Button(label="Signer", command="signer agder 2027"),)),
        replace(first, sections=first.sections[:1]),
        replace(first, sections=(Section(title="Ny «neste»", text="&"), *first.sections[1:])),
        replace(first, sections=copied),
    ):
        assert answer.answer_json(other, response_type="ephemeral", more="neste") == whole(other)
    assert answer.answer_json(replace(first), response_type="in_channel", more="neste") == whole(first, "in_channel")
    long = replace(first, sections=(Section(title="Lang", facts=(Fact("Referat", "x" * 3000),)), *first.sections))
    payload = render.message_payload(long, more="status")  # cut: the note names `more`
    cut = json.dumps({"text": payload["text"], "response_type": "ephemeral", "blocks": payload["blocks"]})
    assert answer.answer_json(long, response_type="ephemeral", more="neste") != cut
    assert answer.answer_json(replace(long), response_type="ephemeral", more="status") == cut
