"""Issue 18 «Surfaces»: every reply, announcement and digest of a lived year (tests/year_replies.py: the
minutes replaced and read «tidligere», the sign buttons on a text's reply, «Lagre likevel», a removed date,
follow-up points, `logg` paging, «Forberedelse av avtalen») rendered by the Slack adapter's own renderer
is a message Slack takes: Block Kit's limits and rules (tests/slack/block_kit.py), the modal a button opens
too, and every button's command, clicked, is accepted."""

from __future__ import annotations

import json

from adapters.slack import clicked, render, views
from adapters.slack.answer import answer_json
from tests.year_replies import lived_year

from .block_kit import modal_problems, problems


def test_the_checker_catches_what_slack_refuses() -> None:
    """A pass must mean something: the rules the issue names are each caught."""
    button = {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "x" * 76}, "value": "v"}
    bad = {
        "text": "t",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "<b> " + "s" * 3000}},
            {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
            {"type": "actions", "elements": [button, {**button, "value": "v" * 2001}]},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": ""}]},
        ]
        + [{"type": "divider"}] * 46,
    }
    found = "\n".join(problems(bad))
    for needle in ("51 blocks", "> 150", "> 3000", "unescaped <", "11 fields", "> 75", "over 2000", "used twice"):
        assert needle in found, needle
    assert "empty text" in found


def test_every_message_of_a_lived_year_is_one_slack_takes() -> None:
    year = lived_year()
    assert len(year.replies) > 300
    found: list[str] = []
    for name, reply in year.replies:
        for more in (None, "status agder 2027"):
            payload = render.message_payload(reply, more=more)
            found += [f"{name} «{reply.title}»: {p}" for p in problems(payload)]
            answer = json.loads(answer_json(reply, response_type="ephemeral", more=more))
            assert answer["blocks"] == payload["blocks"]
        found += [f"{name} (modal) «{reply.title}»: {p}" for p in modal_problems(views.reply_view(reply))]
        if name.endswith(": neste"):  # the App Home shows `neste`
            home = views.home_view(reply, note="Oppdatert nå.")
            found += [f"{name} (home): {p}" for p in problems({**home, "text": "home"}, max_blocks=100)]
    assert found == [], "\n".join(found[:20])


def test_every_button_of_the_year_is_accepted_when_clicked_and_a_form_it_opens_fits_a_modal() -> None:
    year = lived_year()
    labels = {p.label for p in year.pressed}
    for new in ("Erstatt referatet", "Lagre likevel", "Fjern datoen", "Signer for IN – Agder", "Signer for Vestland"):
        assert new in labels, new
    refused = [
        f"{p.where}: «{p.label}» → {p.command!r}: {p.answer.text[:200]}" for p in year.pressed if not p.accepted_by
    ]
    assert refused == [], "\n".join(refused)
    # a point's own «Ferdig» on a partner's `neste` is clicked by that partner, not only by the coordinator
    assert {p.accepted_by for p in year.pressed if p.label.startswith("Ferdig") and " nils: " in p.where} == {"nils"}
    forms = [p for p in year.pressed if p.answer.form]
    assert [p.label for p in forms] == ["Erstatt referatet"]
    for pressed in forms:
        form = pressed.answer.form
        assert form is not None and form.submit_command == pressed.command  # its submit replaces the minutes
        view = views.form_view(form, private_metadata={"channel": "C0AGDER", "command": form.submit_command})
        assert modal_problems(view) == []


def test_every_clicked_message_of_the_year_updated_in_place_is_one_slack_takes() -> None:
    """A click replaces the message (the clicked button gone, a line saying what was done): in a channel from
    the message the payload carries, in an ephemeral answer from the result alone."""
    year = lived_year()
    result = {p.command: p.answer for p in year.pressed}
    found: list[str] = []
    updated = 0
    for name, reply in year.replies:
        payload = render.message_payload(reply)
        for block in (b for b in payload["blocks"] if b["type"] == "actions"):
            for element in block["elements"]:
                for message in (payload, None):
                    after = clicked.updated_message(
                        message=message, action=element, result=result[element["value"]], user_id="U0KARI", when="nå"
                    )
                    updated += 1
                    found += [f"{name} «{element['text']['text']}»: {p}" for p in problems(after)]
                    left = [
                        (e["action_id"], e["value"])
                        for b in after["blocks"]
                        if b["type"] == "actions"
                        for e in b["elements"]
                    ]
                    assert (element["action_id"], element["value"]) not in left, name  # the clicked one is gone
    assert updated > 50 and found == [], "\n".join(found[:20])
