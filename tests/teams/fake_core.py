"""A stand-in core (the port, `tests/port_fake.py`) with canned answers, for the adapter tests that are
about Teams itself."""

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
from storage.memory import MemoryStore
from tests.port_fake import PortFake


class FakeCore(PortFake):
    def __init__(self, *, store: MemoryStore | None = None) -> None:
        super().__init__(store=store)
        self.requests: list[Request] = []

    def answer(self, request: Request) -> Outcome:
        self.requests.append(request)
        word = request.text.split()[0] if request.text else ""
        if word == "neste":
            return Outcome(
                Reply(
                    title="Neste i årshjulet",
                    text="Signering av samarbeidsavtale 2026: frist 31.01.2026",
                    sections=(Section("Signering 2026", facts=(Fact("Frist", "31.01.2026"), Fact("Mangler", "IN"))),),
                    buttons=(Button("Signer for IN", "signer IN agder 2026"),),
                )
            )
        if word == "signer":
            done = Reply(
                title="Signert", text="IN har signert samarbeidsavtale 2026 for Agder.", visibility=Visibility.CHANNEL
            )
            return Outcome(
                done,
                (
                    Announcement(ChannelAddress("teams", "19:nasjonal@thread.tacv2"), done),
                    Announcement(ChannelAddress("slack", "C0NASJONAL"), done),
                ),
            )
        if word == "referat" and not request.fields:
            return Outcome(
                Reply(
                    title="Referat",
                    text="Fyll ut referatet.",
                    form=Form(
                        title="Referat fra vårmøtet",
                        submit_command="referat regional-spring",
                        fields=(FormField("summary", "Sammendrag", multiline=True, optional=False),),
                    ),
                )
            )
        return Outcome(Reply(title="Hjelp", text="Kommandoer: neste, status, signer, hjelp"))
