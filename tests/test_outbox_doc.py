"""An announcement's reply is stored as `dataclasses.asdict` would give it (the outbox writes it field by
field, for speed): the same keys in the same order, so the same JSON text."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from types import MappingProxyType

from bot.delivery.outbox import reply_to_doc
from bot.messages import Button, Fact, Form, FormField, ItemState, Mention, Picture, Reply, Section, Visibility


def _every_part() -> Reply:
    return Reply(
        title="Signert",
        text="Agder har signert.",
        sections=(
            Section(
                title="Avtalen",
                facts=(Fact(label="Part", value="IN", state=ItemState.DONE, more="referat vis 1"), Fact("a", "b")),
                text="tekst",
                state=ItemState.OVERDUE,
            ),
            Section(title="Tom"),
        ),
        buttons=(Button(label="Neste", command="neste", confirm="Sikker?", primary=False), Button("a", "b")),
        context="Agder 2027",
        visibility=Visibility.CHANNEL,
        ok=False,
        form=Form(
            title="Referat",
            submit_command="referat lagre",
            fields=(FormField(name="tekst", label="Tekst", multiline=True, optional=False, hint="kort"),),
            submit_label="Send",
            context="møte",
        ),
        mentions=(Mention(person="kari", name="Kari", ids=MappingProxyType({"slack": "U1"})),),
        picture=Picture(params={"region": "agder"}, name="arshjul-agder-2027", alt="Årshjulet"),
        lang="nn",
    )


def _as_asdict_gives(reply: Reply) -> dict[str, object]:
    doc = asdict(replace(reply, mentions=(), picture=None))  # asdict cannot copy a mappingproxy
    doc["visibility"] = str(reply.visibility)
    doc["mentions"] = [{"person": m.person, "name": m.name, "ids": dict(m.ids)} for m in reply.mentions]
    doc["picture"] = (
        None
        if reply.picture is None
        else {**asdict(replace(reply.picture, params={})), "params": dict(reply.picture.params)}
    )
    return doc


def test_the_stored_reply_is_what_asdict_gives_to_the_byte() -> None:
    for reply in (_every_part(), Reply(title="t", text="x"), replace(_every_part(), form=None, picture=None)):
        doc = reply_to_doc(reply)
        assert doc == _as_asdict_gives(reply)
        assert json.dumps(doc, ensure_ascii=True) == json.dumps(_as_asdict_gives(reply), ensure_ascii=True)
