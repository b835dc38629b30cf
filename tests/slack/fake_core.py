"""A tiny stand-in core (the port, `tests/port_fake.py`) that exercises every adapter path (forms, buttons,
announcements)."""

from __future__ import annotations

from bot.messages import (
    Announcement,
    Button,
    ChannelAddress,
    Fact,
    Form,
    FormField,
    Outcome,
    Reply,
    Request,
    Section,
    Visibility,
)
from tests.port_fake import PortFake


class FakeCore(PortFake):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[Request] = []
        self.recorded: list[Request] = []
        self._done: dict[str, Outcome] = {}

    def answer(self, request: Request) -> Outcome:
        self.requests.append(request)
        if request.request_id and request.request_id in self._done:
            return Outcome(reply=Reply(title="Allerede registrert", text="Ingenting er endret."))
        word, _, rest = request.text.partition(" ")
        if word == "neste":
            return Outcome(reply=_next())
        if word == "knapp":
            return Outcome(
                reply=Reply(
                    title="Klar til signering",
                    text="Signer?",
                    buttons=(
                        Button(
                            label="Signer for Agder", command="signer agder agder 2027", confirm="Signere avtalen 2027?"
                        ),
                    ),
                )
            )
        if word == "feil":
            raise RuntimeError("boom")
        if word == "referat" and len(rest.split()) == 1 and not request.fields:
            return Outcome(
                reply=Reply(
                    title="Referat",
                    text="Fyll inn referatet.",
                    form=Form(
                        title="Referat fra regionalt vårmøte",
                        submit_command=f"referat {rest}",
                        fields=(
                            FormField(name="summary", label="Referat", multiline=True, optional=False),
                            FormField(name="link", label="Lenke", hint="Lenke til referatet"),
                        ),
                    ),
                )
            )
        if word in ("signer", "referat"):
            if request.fields.get("summary") == "nekt":
                return Outcome(reply=Reply(title="Ikke registrert", text="Referatet mangler.", ok=False))
            return self._record(request, f"{word} {rest}".strip())
        return Outcome(reply=Reply(title="Ukjent kommando", text=f"Jeg kjenner ikke «{word}».", ok=False))

    def _record(self, request: Request, what: str) -> Outcome:
        self.recorded.append(request)
        reply = Reply(
            title="Registrert",
            text=what,
            sections=(Section(title="", text=what),),
            visibility=Visibility.CHANNEL,
            context="Agder · 2027",
        )
        outcome = Outcome(
            reply=reply,
            announcements=(
                Announcement(to=ChannelAddress("slack", request.channel_id), reply=reply),
                Announcement(to=ChannelAddress("slack", "C0NASJONAL"), reply=reply),
                Announcement(to=ChannelAddress("teams", "19:nasjonal@thread.tacv2"), reply=reply),
            ),
        )
        if request.request_id:
            self._done[request.request_id] = outcome
        return outcome


def _next() -> Reply:
    return Reply(
        title="Neste for Agder",
        text="Neste for Agder\nRegionalt vårmøte: frist 30. april 2027",
        sections=(
            Section(title="Regionalt vårmøte", facts=(Fact("Frist", "30. april 2027"), Fact("Ansvarlig", "Agder"))),
        ),
        context="Agder · syklus 2027",
    )


class RecordingSender:
    """A `Sender` for another platform (Teams) that records what it was asked to post."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.looks_up = False
        self.sent: list[tuple[str, Reply]] = []

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        self.sent.append((channel_id, reply))
