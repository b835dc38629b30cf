"""The store's folder vanishes while the bot runs (walk 34): deleted, or its volume unmounted so the empty mount
point shows. Its missing files are no empty partitions: nothing is shown as undone, nothing written into a new
folder; the person hears the store does not answer (in their written form), the operator the folder, and once
the folder is back (remounted) everything reads and writes as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storage.tinydb_store import TinyDBStore
from tests.driver import make_bot, oslo

FORMS = {
    "nb": ("kari", "agder", "Lagringen svarer ikke akkurat nå", "Dato satt", "bekreft"),
    "nn": ("per", "vestland", "Lagringa svarar ikkje akkurat no", "Dato sett", "stadfest"),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_deleted_store_folder_is_a_store_fault_not_an_empty_store(tmp_path: Path, lang: str) -> None:
    person, region, refused, done, confirm = FORMS[lang]
    folder = tmp_path / "db"
    with TinyDBStore(folder) as store:
        bot = make_bot(store=store, at=oslo(2026, 11, 2, 9))
        assert done in bot.say(f"dato høst {region} 2026 2026-11-12 10:00 {confirm}", as_=person, channel=region).text
        shutil.rmtree(folder)
        status = bot.say("status", as_=person, channel=region)
        assert not status.ok and refused in status.text and "Noe gikk galt" not in status.text, status.text
        date = bot.say(f"dato vår {region} 2027 2027-04-20 10:00 {confirm}", as_=person, channel=region)
        assert not date.ok and refused in date.text and done not in date.text
        assert not folder.exists()  # nothing written into a new folder
        assert "is gone" in store.faults()["store"]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_unmounted_store_folder_is_refused_until_it_is_back(tmp_path: Path, lang: str) -> None:
    person, region, refused, done, confirm = FORMS[lang]
    folder, away = tmp_path / "db", tmp_path / "volume"
    with TinyDBStore(folder) as store:
        bot = make_bot(store=store, at=oslo(2026, 11, 2, 9))
        assert done in bot.say(f"dato høst {region} 2026 2026-11-12 10:00 {confirm}", as_=person, channel=region).text
        folder.rename(away)
        folder.mkdir()  # the empty mount point
        status = bot.say(f"status {region} 2026", as_=person, channel=region)
        assert not status.ok and refused in status.text, status.text
        assert not bot.say(f"dato vår {region} 2027 2027-04-20 10:00 {confirm}", as_=person, channel=region).ok
        assert list(folder.iterdir()) == []
        folder.rmdir()
        away.rename(folder)  # remounted
        status = bot.say(f"status {region} 2026", as_=person, channel=region)
        assert status.ok and "12. november 2026" in status.text, status.text
        assert done in bot.say(f"dato vår {region} 2027 2027-04-20 10:00 {confirm}", as_=person, channel=region).text
        assert store.faults() == {}
