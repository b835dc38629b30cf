"""Odd stores say what they are: one message naming the file and what to do, /healthz shows it, and the rest
of the store keeps working. Faults the test user cannot cause for real (root reads mode-000 files, no full
disk at hand) are injected at the system call the store makes."""

from __future__ import annotations

import asyncio
import errno
import logging
import os
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from adapters.cli import main
from adapters.compose import build_core
from adapters.server import build_app
from storage import StoreError, TinyDBStore
from storage.base import StoreWriteError
from tests.driver import DEMO_CONFIG, make_bot

AGDER = "cycle/agder/2027"
VESTLAND = "cycle/vestland/2027"


def _file(data_dir: Path, partition: str = AGDER) -> Path:
    return data_dir.joinpath(*partition.split("/")).with_suffix(".json")


def _seed(data_dir: Path) -> None:
    with TinyDBStore(data_dir) as store:
        for partition in (AGDER, VESTLAND):
            with store.update(partition) as tables:
                tables["t"] = {"k": {"v": 1}}


def _inject(monkeypatch: pytest.MonkeyPatch, *, code: int, when: Any) -> None:
    """Make `os.open(path, flags)` fail with `code` where `when(path, flags)` says so."""
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if when(os.fspath(path), flags):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


def _healthz(core: Any) -> dict[str, Any]:
    async def fetch() -> dict[str, Any]:
        runner = web.AppRunner(build_app(core=core, mounts=(), scheduler=False))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as answer:
                return await answer.json()
        finally:
            await runner.cleanup()

    return asyncio.run(fetch())


def test_unreadable_file_is_named_and_other_partitions_work(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _seed(data_dir)
    path = _file(data_dir)
    path.chmod(0)
    _inject(monkeypatch, code=errno.EACCES, when=lambda p, _f: p == str(path))  # root ignores mode 000
    store = TinyDBStore(data_dir)
    with pytest.raises(StoreError, match="Permission denied") as excinfo:
        store.read(AGDER)
    assert str(path) in str(excinfo.value) and "chmod" in str(excinfo.value)
    assert store.read(VESTLAND) == {"t": {"k": {"v": 1}}}
    assert AGDER in store.faults()
    monkeypatch.undo()
    path.chmod(0o644)
    store.read(AGDER)
    assert store.faults() == {}
    store.close()


def test_store_folder_not_writable_or_read_only_fs_serves_reads(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(data_dir)
    for code, words in ((errno.EACCES, "Permission denied"), (errno.EROFS, "read-only")):
        _inject(monkeypatch, code=code, when=lambda _p, flags: bool(flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR)))
        store = TinyDBStore(data_dir)
        assert "store" in store.faults() and words in store.faults()["store"]  # known before anyone writes
        assert store.read(AGDER) == {"t": {"k": {"v": 1}}}
        with pytest.raises(StoreWriteError, match=words) as excinfo, store.update(AGDER) as tables:
            tables["t"]["k"]["v"] = 2
        assert str(data_dir) in str(excinfo.value)
        monkeypatch.undo()
        store.close()
        assert TinyDBStore(data_dir).read(AGDER) == {"t": {"k": {"v": 1}}}


def test_a_folder_where_a_partition_file_belongs(data_dir: Path) -> None:
    _seed(data_dir)
    path = _file(data_dir, "cycle/agder/2028")
    path.mkdir(parents=True)
    with TinyDBStore(data_dir) as store:
        with pytest.raises(StoreError, match="is a folder") as excinfo:
            store.read("cycle/agder/2028")
        assert str(path) in str(excinfo.value)
        assert store.read(AGDER)["t"]["k"]["v"] == 1
        store.verify()  # the folder is not a partition: start-up is not blocked by it


def test_store_path_that_is_a_file_or_has_no_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "samhandling.json"
    a_file.write_text("{}")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        TinyDBStore(a_file)
    monkeypatch.chdir(DEMO_CONFIG.parent)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    for value, words in ((a_file, "is a file"), (tmp_path / "skrivefeil" / "data", "does not exist")):
        monkeypatch.setenv("SAMHANDLING_DB", str(value))
        with pytest.raises(StoreError, match=words):
            build_core(config_path=str(DEMO_CONFIG))
        assert main(["tick", "--now", "2027-01-11T09:00"]) == 3
        assert str(value) in capsys.readouterr().err
    assert not (tmp_path / "skrivefeil").exists()  # a typo never starts an empty store


def test_the_store_in_use_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SAMHANDLING_DB", str(tmp_path / "data"))
    core = build_core(config_path=str(DEMO_CONFIG))
    assert f"using TinyDB storage in {tmp_path / 'data'}" in caplog.text
    core.store.close()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"t": {"1": {"_key": "k", "v": NaN}}}', "NaN"),
        (b'{"t": {"1": {"_key": "k", "v": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}}", "nested too deeply"),
    ],
)
def test_nan_and_deep_nesting_are_corrupt_files(data_dir: Path, content: bytes, words: str) -> None:
    _seed(data_dir)
    _file(data_dir).write_bytes(content)
    with TinyDBStore(data_dir) as store:
        with pytest.raises(StoreError, match=words):
            store.verify()
        with pytest.raises(StoreError, match=words):
            store.read(AGDER)
        assert store.read(VESTLAND)["t"]["k"]["v"] == 1


def test_full_disk_is_said_in_norwegian_and_writes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with TinyDBStore(data_dir) as store:
        bot = make_bot(store=store)
        _inject(monkeypatch, code=errno.ENOSPC, when=lambda p, _f: os.path.basename(p).startswith(".2027.json."))
        reply = bot.say("forutsetning budsjett agder 2027", as_="kari")
        assert not reply.ok and "Lagringen er full" in reply.text and "Noe gikk galt" not in reply.text
        assert any("No space left" in text for text in store.faults().values())
        monkeypatch.undo()
        assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
        assert store.faults() == {}


def test_a_full_disk_freed_is_healthy_after_a_write_to_another_partition(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found from outside (`serve` on a full tmpfs): `varsel av` failed on `meta`, space was freed and a
    date was written, and /healthz still said «degraded» for `meta` until someone wrote `meta` again."""
    with TinyDBStore(data_dir) as store:
        bot = make_bot(store=store)
        _inject(monkeypatch, code=errno.ENOSPC, when=lambda p, _f: os.path.basename(p).startswith(".meta.json."))
        assert not bot.say("varsel av", as_="kari").ok
        assert "meta (write)" in store.faults()
        monkeypatch.undo()
        assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
        assert store.faults() == {}


def test_a_file_corrupted_while_serving(data_dir: Path) -> None:
    with TinyDBStore(data_dir) as store:
        bot = make_bot(store=store)
        assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
        assert bot.say("forutsetning budsjett vestland 2027", as_="per").ok
        path = _file(data_dir)
        path.write_bytes(b"{ broken")
        broken = bot.say("status", as_="kari")
        assert not broken.ok and "Prøv igjen om litt" not in broken.text and "/healthz" in broken.text
        assert bot.say("status", as_="per").ok  # another region reads on
        health = _healthz(bot.core)
        assert health["status"] == "degraded" and str(path) in health["store"][AGDER]
        path.write_bytes(b"{}")
        assert bot.say("status", as_="kari").ok
        assert _healthz(bot.core)["status"] == "ok"


def test_odd_values_in_a_partition_do_not_break_reading_commands() -> None:
    bot = make_bot()
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    with bot.core.store.update(AGDER) as tables:
        for doc in tables["milestones"].values():
            doc["planned"] = "neste tirsdag"
        tables["history"]["000000"].pop("at")
        tables["history"]["x"] = {"summary": "uten tid", "at": 17}
    for command in ("neste", "status", "oversikt", "logg"):
        reply = bot.say(command, as_="kari")
        assert reply.ok, (command, reply.text)
    bot.set_time(2027, 4, 12, 9, 0)
    assert list(bot.core.planner.due(now=bot.clock.now())) is not None
