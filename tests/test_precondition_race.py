"""Two `forutsetning` for the same precondition at once: the second re-checks under the lock, records nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from storage.base import Document, Store, Tables
from storage.memory import MemoryStore
from tests.driver import BotDriver, make_bot, oslo, register_text

P = "cycle/agder/2027"


class _Interleaved(MemoryStore):
    """Runs `before` once, just before an update of P takes the lock: another request that read first."""

    def __init__(self) -> None:
        super().__init__()
        self.before: Callable[[], None] | None = None

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        hook, self.before = (self.before, None) if partition == P else (None, self.before)
        if hook is not None:
            hook()
        with super().update(partition) as tables:
            yield tables


def _history(store: Store) -> list[Document]:
    return list(store.rows(P, table="history").values())


def test_concurrent_forutsetning_records_once_and_announces_once() -> None:
    store2 = _Interleaved()
    # In the signing window: «Klar til signering» is told only there (issue 18).
    a, b = make_bot(store=store2, at=oslo(2027, 1, 11, 9)), make_bot(store=store2, at=oslo(2027, 1, 11, 9))
    _all_but_budget(a)
    store2.before = lambda: _say_budget(b)
    reply = a.say("forutsetning budsjett agder 2027", as_="kari")
    assert "Allerede registrert" in reply.text
    assert a.last.announcements == ()
    assert b.last.announcements, "the one that recorded it announces ready to sign"
    recorded = [entry for entry in _history(store2) if "budsjett vedtatt" in entry["summary"]]
    assert len(recorded) == 1


def _all_but_budget(bot: BotDriver) -> None:
    register_text(bot, year=2027, region="agder")
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
    for person in ("ola", "siri", "nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=person).ok
    assert bot.say("referat politisk agder 2027 Vedtatt i fylkestinget bekreft", as_="kari").ok


def _say_budget(bot: BotDriver) -> None:
    assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
