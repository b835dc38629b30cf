"""The picture reaches each platform: a signed, expiring address served by our server (Teams' Image),
a file upload v2 through Slack's Web API (the stand-in), and a refused signature or an old address 404s."""

from __future__ import annotations

import io
from datetime import timedelta
from urllib.parse import urlsplit

from PIL import Image

from adapters.teams.cards import render_card
from adapters.web.draw import PICTURE_LINKS
from adapters.web.signed import PICTURE_TTL
from tests.driver import make_bot, oslo
from tests.slack.harness import running

from .harness import serving


async def test_teams_card_shows_the_wheel_from_a_signed_expiring_address() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    reply = bot.say("årshjul 2027", platform="teams", channel="19:agder@thread.tacv2")
    assert reply.picture is not None
    async with serving(bot.core, environ={"SAMHANDLING_LINK_SECRET": "test-secret"}) as server:
        bot.core.public_url = server.base_url
        card = render_card(reply)
        image = next(element for element in card["body"] if element["type"] == "Image")
        assert image["altText"] == reply.picture.alt and card["fallbackText"] == reply.text
        url = urlsplit(image["url"])
        assert url.path == "/bilde/arshjul-agder-2027.png"
        answer = await server.get(f"{url.path}?{url.query}")
        assert answer.status == 200 and answer.headers["Content-Type"] == "image/png"
        assert Image.open(io.BytesIO(answer.body)).size == (1200, 1200)
        svg = await server.get(f"{url.path.replace('.png', '.svg')}?{url.query}")
        assert svg.status == 200 and svg.text.startswith("<svg")
        forged = [
            url.query.replace("region=agder", "region=vestland"),
            url.query.replace("year=2027", "year=2028"),
            url.query.replace("sig=", "sig=0"),
            url.query.split("&sig=")[0],
            "view=region&region=agder&year=2027&exp=99999999999&sig=00",
        ]
        refused = [await server.get(f"{url.path}?{query}") for query in forged]
        bot.clock.advance(PICTURE_TTL + timedelta(minutes=1))
        refused.append(await server.get(f"{url.path}?{url.query}"))
        bot.core.public_url = None
    assert {a.status for a in refused} == {404} and len({a.body for a in refused}) == 1
    assert PICTURE_LINKS.address(reply.picture) is None  # without PUBLIC_URL the card keeps only the text
    assert not any(element["type"] == "Image" for element in render_card(reply)["body"])


async def test_slack_posts_the_wheel_as_a_file_upload() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    async with running(bot.core) as h:
        answer = await h.slash("årshjul 2027", user="U0KARI", channel="C0AGDER")
        await h.settle()
        ticket = h.standin.calls_to("files.getUploadURLExternal")
        complete = h.standin.calls_to("files.completeUploadExternal")
        uploads = dict(h.standin.uploads)
    assert answer.json()["response_type"] == "ephemeral"  # the text wheel, as before
    assert ticket[0].body["filename"] == "arshjul-agder-2027.png" and int(ticket[0].body["length"]) > 10_000
    assert len(complete) == 1 and complete[0].body["channel_id"] == "C0AGDER"
    (png,) = uploads.values()
    assert Image.open(io.BytesIO(png)).size == (1200, 1200)


async def test_a_command_without_a_picture_uploads_nothing() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    async with running(bot.core) as h:
        await h.slash("neste", user="U0KARI", channel="C0AGDER")
        await h.settle()
        assert h.standin.calls_to("files.getUploadURLExternal") == []
