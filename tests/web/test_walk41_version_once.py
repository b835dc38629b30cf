"""The status page's signatures say the version once (walk 41): under «Versjon» the cell read «versjon 1», so a
narrow screen, which puts the column's name before each cell, showed «Versjon: versjon 1»."""

from __future__ import annotations

import pytest

from bot.model.config import parse_config
from tests.driver import ROOT, make_bot, oslo, record_all_preconditions

from .harness import link_in, serving


@pytest.mark.parametrize(("form", "column"), [("nb", "Versjon"), ("nn", "Versjon")])
async def test_the_version_column_holds_the_number_alone(form: str, column: str) -> None:
    text = (ROOT / "app.yaml").read_text(encoding="utf-8")
    if form == "nn":  # Agder writes nynorsk: its page does
        text = text.replace('short: "Agder",', 'short: "Agder", written_form: nn,')
    bot = make_bot(at=oslo(2027, 1, 12, 9), config=parse_config(text))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer agder 2027", as_="kari").ok
    region = link_in(bot.say("status agder 2027", as_="kari").text, "/status/agder")
    async with serving(bot.core) as server:
        body = (await server.get(region)).text
    assert f'<td data-label="{column}">1</td>' in body, body
    assert ">versjon 1<" not in body
    if form == "nn":
        assert "Ikkje signert enno" in body, body
