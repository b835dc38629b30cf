"""Bokmål and nynorsk: complete catalogues, and every reply, reminder and card in the reader's written form.

Vestland writes nynorsk (app.yaml `written_form: nn`), Agder bokmål. The scans look for words that exist
in only one of the forms; a reply in Vestland's channel with "ikke" in it, or one in Agder's with "ikkje",
fails and names the text.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from adapters.slack.render import render_blocks
from adapters.teams.cards import render_card
from bot.i18n import LANGS, compiled, translations, using
from bot.messages import Reply
from bot.model.config import ConfigError, parse_config
from bot.reminders.passes import plan_digests
from bot.state.store import entry_summary
from handlers import build_router
from scripts.i18n_update import extract
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import demo_text, line_no, make_config, replace_once

BOKMAL_ONLY = {
    "ikke", "hva", "hvem", "hvor", "hvis", "høst", "høsten", "ennå", "bare", "nå", "også", "mangler", "gjør",
    "uke", "uken", "uker", "jeg", "fra", "noe", "mer", "hele", "ble", "blir", "hver", "kommer", "dager",
    "deltakere", "påminnelser", "forsinket", "eksempler", "skjer", "mandag", "tirsdag", "lørdag", "vedtatt",
    "behandling", "forutsetning", "forutsetninger", "møtene", "regioner", "tegn", "navn",
}  # fmt: skip
NYNORSK_ONLY = {
    "ikkje", "kva", "kven", "kvar", "haust", "hausten", "enno", "berre", "òg", "manglar", "veke", "veka",
    "veker", "eg", "frå", "noko", "meir", "heile", "vart", "kjem", "dagar", "deltakarar", "påminningar",
    "forseinka", "gjer", "døme", "måndag", "tysdag", "laurdag", "vedteke", "handsaming", "føresetnad",
    "føresetnader", "regionar", "teikn", "namn", "sidan", "framleis",
}  # fmt: skip
_WORD = re.compile(r"[a-zæøåòé]+")
_URL = re.compile(r"https?://\S+|\S*[?&]token=\S+")  # links, and local paths with a random token
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


_MENU = re.compile(r"«[^»]*→[^»]*»")
"""A program's own menu path in quotes («Legg til kalender → Abonner fra Internett»): Outlook's words."""


def _words(text: str) -> set[str]:
    return set(_WORD.findall(_MENU.sub(" ", _URL.sub(" ", text.lower()))))


def _strings(value: object) -> list[str]:
    """Every text in a rendered card or block list (nested dicts and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in ("url", "id", "type") for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _texts(reply: Reply) -> list[str]:
    return [
        reply.text,
        *_strings(render_blocks(reply)),
        *_strings(render_card(reply)),
    ]


def _assert_form(texts: list[str], *, forbidden: set[str], where: str) -> None:
    typed = set(_commands())
    for text in texts:
        if text.rsplit(" ", 1)[0] in typed and text.rsplit(" ", 1)[-1] in ("bekreft", "stadfest"):
            continue  # a question's button runs the person's own words again with «bekreft» (walk 13, W3)
        wrong = _words(text) & forbidden
        assert not wrong, f"{where}: {sorted(wrong)} in {text!r}"


# The catalogues ---------------------------------------------------------------------------------------------


def test_every_text_in_the_code_has_both_forms_in_the_catalogue() -> None:
    """No silent fallback: each `_()`/`N_()`/`ngettext()` text has a non-empty bokmål and nynorsk form with
    the same placeholders, and the catalogue holds no text the code no longer uses."""
    template = extract()
    ids = {message.id for message in template if message.id}
    assert len(ids) > 100
    for lang in LANGS:
        catalog = compiled(lang)
        for msgid in ids:
            if isinstance(msgid, tuple):
                forms = [catalog.ngettext(msgid[0], msgid[1], n) for n in (1, 2)]
                assert all(forms) and catalog._catalog.get((msgid[0], 0)), f"{lang} lacks {msgid[0]!r}"
                sources = msgid
            else:
                assert catalog._catalog.get(msgid), f"{lang} lacks {msgid!r}"
                forms, sources = [catalog.gettext(msgid)], [msgid]
            for form, source in zip(forms, sources, strict=False):
                assert sorted(_PLACEHOLDER.findall(form)) == sorted(_PLACEHOLDER.findall(source)), (lang, source)
        stale = {key if isinstance(key, str) else key[0] for key in catalog._catalog if key} - {
            i if isinstance(i, str) else i[0] for i in ids
        }
        assert not stale, f"{lang}: texts the code no longer has: {sorted(stale)[:5]}"


def test_the_bokmal_catalogue_says_what_the_code_says() -> None:
    """Bokmål is read without its catalogue (`bot.i18n.translations`): that is only right while every
    bokmål form there is the text in the code. Change a bokmål wording in the code, not in the .po."""
    catalog = compiled("nb")
    for key, form in catalog._catalog.items():
        if not key:
            continue  # the header
        if isinstance(key, tuple):  # (singular, plural index): index 0 is the singular, the rest the plural
            continue
        assert form == key, f"nb says {form!r} for {key!r}"
    for msgid in {message.id for message in extract() if isinstance(message.id, tuple)}:
        assert [catalog.ngettext(msgid[0], msgid[1], n) for n in (1, 2)] == [msgid[0], msgid[1]], msgid


def test_nynorsk_texts_are_nynorsk() -> None:
    """Each nynorsk translation avoids the bokmål-only words (examples in «» are commands people type)."""
    template = extract()
    with using("nn"):
        catalog = translations("nn")
        for message in template:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            text = re.sub(r"«[^»]*»", " ", catalog.gettext(msgid))
            _assert_form([text], forbidden=BOKMAL_ONLY, where="nn catalogue")


# app.yaml ---------------------------------------------------------------------------------------------------


def test_a_name_without_its_nynorsk_form_is_a_config_error_naming_the_line() -> None:
    text = demo_text()
    old = 'name: {nb: "Tildelingsbrev mottatt", nn: "Tildelingsbrev motteke"}'
    broken = replace_once(text, old, 'name: {nb: "Tildelingsbrev mottatt"}')
    with pytest.raises(ConfigError) as caught:
        parse_config(broken)
    problem = "\n".join(caught.value.problems)
    assert f"app.yaml:{line_no(text, old)}" in problem and "nn" in problem


def test_app_yaml_names_come_in_the_readers_form() -> None:
    config = make_config(regions=("agder", "vestland"))
    spec = config.milestone("regional-autumn")
    assert spec is not None
    with using("nn"):
        assert spec.name == "Administrativt dialogmøte haust" and spec.short == "haust"
    with using("nb"):
        assert spec.name == "Administrativt dialogmøte høst" and spec.short == "høst"
    assert config.region("vestland").written_form == "nn" and config.region("agder").written_form == "nb"


# Replies ----------------------------------------------------------------------------------------------------

DAYS = (oslo(2026, 11, 23, 9), oslo(2027, 1, 18, 9), oslo(2027, 4, 26, 9), oslo(2027, 10, 4, 9))


def _commands() -> list[str]:
    """What people type, for every command whose texts are in the catalogue: its examples (both forms),
    the bare word, a wrong argument, and its help."""
    typed: list[str] = ["", "hjelp", "xyzzy", "sttaus"]
    router = build_router()
    for command in router.commands:
        if not command.translated:
            continue
        typed += [command.name, f"{command.name} %%%", f"hjelp {command.name}"]
        if command.name == "målform":
            continue  # its examples change who reads which form; tested on their own below
        for lang in LANGS:
            with using(lang):
                catalog = translations(lang)
                typed += [catalog.gettext(example) for example in command.examples]
    return list(dict.fromkeys(typed))


def _drive(bot: BotDriver, *, as_: str, channel: str) -> list[Reply]:
    replies = []
    for at in DAYS:
        bot.set_time(at.year, at.month, at.day, at.hour)
        for text in _commands():
            replies.append(bot.say(text, as_=as_, channel=channel))
            if replies[-1].text.startswith(("Dette erstatter", "Dette erstattar")):  # a replacement asks first
                replies.append(bot.say(f"{text} bekreft", as_=as_, channel=channel))
            # Announcements to channels that read the same form (a moved meeting is also told to the actors'
            # channels, in their bokmål: walk 5, N14); each channel's own form is asserted where it is read.
            here = bot.core.channel_lang(platform="terminal", channel_id=channel)
            replies += [
                a.reply
                for a in bot.last.announcements
                if bot.core.channel_lang(platform=a.to.platform, channel_id=a.to.channel_id) == here
            ]
    return replies


@pytest.fixture(scope="module")
def two() -> BotDriver:
    return make_bot(at=DAYS[0], config=make_config(regions=("agder", "vestland")))


def test_replies_in_vestlands_channel_are_nynorsk(two: BotDriver) -> None:
    for reply in _drive(two, as_="per", channel="vestland"):
        _assert_form(_texts(reply), forbidden=BOKMAL_ONLY, where="Vestland")


def test_replies_in_agders_channel_stay_bokmal(two: BotDriver) -> None:
    for reply in _drive(two, as_="kari", channel="agder"):
        _assert_form(_texts(reply), forbidden=NYNORSK_ONLY, where="Agder")


def test_digests_are_written_in_each_channels_form() -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 9), config=make_config(regions=("agder", "vestland")))
    seen = {"vestland": 0, "agder": 0}
    for month, day in ((10, 1), (11, 2), (12, 1), (1, 4), (1, 20), (2, 1), (4, 1), (9, 1), (11, 15)):
        year = 2026 if month >= 9 else 2027
        at = datetime(year, month, day, 9, tzinfo=oslo(2026, 1, 1).tzinfo)
        for digest in plan_digests(core=bot.core, at=at):
            channel = digest.to.channel_id.lower()
            if "vestland" in channel:
                seen["vestland"] += 1
                _assert_form(_texts(digest.reply), forbidden=BOKMAL_ONLY, where=f"digest {at:%Y-%m-%d} {channel}")
            elif "agder" in channel:
                seen["agder"] += 1
                _assert_form(_texts(digest.reply), forbidden=NYNORSK_ONLY, where=f"digest {at:%Y-%m-%d} {channel}")
    assert seen["vestland"] and seen["agder"]


def test_a_person_chooses_the_form_of_their_private_replies() -> None:
    bot = make_bot(at=DAYS[0], config=make_config(regions=("agder", "vestland")))
    assert "Dei siste" in bot.say("hjelp logg", as_="per", channel="vestland").text
    reply = bot.say("målform nb", as_="per", channel="vestland")
    assert reply.ok and "bokmål" in reply.text
    assert "De siste endringene" in bot.say("hjelp logg", as_="per", channel="vestland").text
    assert bot.say("målform nn", as_="kari", channel="agder").ok
    assert "Dei siste" in bot.say("hjelp logg", as_="kari", channel="agder").text
    assert "De siste endringene" in bot.say("hjelp logg", as_="ola", channel="agder").text  # others: the channel's
    refused = bot.say("målform", as_="kari", channel="agder")
    assert not refused.ok and "målform nn" in refused.text


def test_a_coordinator_sets_the_channels_form() -> None:
    bot = make_bot(at=DAYS[0], config=make_config(regions=("agder", "vestland")))
    assert not bot.say("målform kanal nn", as_="per", channel="agder").ok  # not his region
    assert bot.say("målform kanal nn", as_="kari", channel="agder").ok
    assert "Dei siste" in bot.say("hjelp logg", as_="ola", channel="agder").text


def test_nynorsk_command_words_work() -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 9), config=make_config(regions=("agder", "vestland")))
    reply = bot.say("dato haust måndag 9. november 2026 kl 10", as_="per", channel="vestland")
    assert reply.ok, reply.text
    for word in ("føresetnad", "underskriv", "oversyn", "ikkje"):
        assert bot.core.router.find(word) is not None, word


def test_the_status_page_of_a_region_is_in_its_form() -> None:
    from tests.helpers import status_page_html

    bot = make_bot(at=oslo(2027, 1, 18, 9), config=make_config(regions=("agder", "vestland")))
    page = status_page_html(bot.core, region="vestland", year=2027)
    assert '<html lang="nn">' in page and "Milepælar og føresetnader" in page
    _assert_form([re.sub(r"<[^>]+>", " ", page)], forbidden=BOKMAL_ONLY, where="Vestland's status page")
    page = status_page_html(bot.core, region="agder", year=2027)
    assert '<html lang="nb">' in page
    _assert_form([re.sub(r"<[^>]+>", " ", page)], forbidden=NYNORSK_ONLY, where="Agder's status page")
    assert '<html lang="nb">' in status_page_html(bot.core, region=None, year=2027)


def test_logg_shows_each_reader_the_history_in_their_form() -> None:
    """The history keeps both forms of each change: Vestland's `logg` reads nynorsk, Agder's bokmål, and an
    entry written before both forms were kept (bokmål only) is still shown."""
    bot = make_bot(at=oslo(2026, 9, 1, 9), config=make_config(regions=("agder", "vestland")))
    assert bot.say(
        "dato høstmøte 2026 20. oktober kl 10", as_="aud"
    ).ok  # the national meeting it follows is dated first
    assert bot.say("dato haust måndag 9. november 2026 kl 10", as_="per", channel="vestland").ok
    assert bot.say("plan 2028–2031", as_="per", channel="vestland").ok
    assert bot.say("ikkje aktuelt oppdrag 2027", as_="per", channel="vestland").ok
    assert bot.say("dato høst mandag 9. november 2026 kl 10", as_="kari", channel="agder").ok
    assert bot.say("plan 2028–2031", as_="kari", channel="agder").ok
    entry = bot.core.state.latest("cycle/vestland/2026", limit=1)[0]
    assert entry["summary"].startswith("Satte dato for") and entry["summary_nn"].startswith("Sette dato for")
    for region in ("vestland", "agder"):
        nynorsk = bot.say(f"logg {region}", as_="per", channel="vestland")
        assert nynorsk.ok and "Sette planperioden" in nynorsk.text, nynorsk.text
        _assert_form(_texts(nynorsk), forbidden=BOKMAL_ONLY, where=f"logg {region} in Vestland")
        bokmal = bot.say(f"logg {region}", as_="kari", channel="agder")
        assert bokmal.ok and "Satte planperioden" in bokmal.text, bokmal.text
        _assert_form(_texts(bokmal), forbidden=NYNORSK_ONLY, where=f"logg {region} in Agder")
    old = {"summary": "Registrerte: Regionalt handlingsprogram"}
    with using("nn"):
        assert entry_summary(old) == old["summary"]


def test_the_receipt_in_chat_is_in_the_readers_form() -> None:
    """`kvittering` with a registered text: Vestland reads its frame and the parties' names in nynorsk, Agder
    in bokmål (the terminal's receipt stays bokmål)."""
    bot = make_bot(at=oslo(2027, 1, 5, 9), config=make_config(regions=("agder", "vestland")))
    for region, person in (("vestland", "per"), ("agder", "kari")):
        typed = f"avtale https://dok.fylke.no/{region}-avtale-2027.pdf sha256:{'ab' * 32} 2027"
        assert bot.say(typed, as_=person, channel=region).ok, typed
    nynorsk = bot.say("kvittering vestland 2027", as_="per", channel="vestland")
    assert nynorsk.ok and "Berre du ser kvitteringa." in nynorsk.text, nynorsk.text
    assert "manglar signatur frå" in nynorsk.text
    _assert_form(_texts(nynorsk), forbidden=BOKMAL_ONLY, where="kvittering in Vestland")
    bokmal = bot.say("kvittering agder 2027", as_="kari", channel="agder")
    assert bokmal.ok and "Bare du ser kvitteringen." in bokmal.text, bokmal.text
    _assert_form(_texts(bokmal), forbidden=NYNORSK_ONLY, where="kvittering in Agder")


def test_the_teams_welcome_and_the_slack_failure_reply_follow_the_channel() -> None:
    """What an adapter says on its own: the Teams greeting in the written form of the channel it joins (the
    core tells it), the Slack failure reply in the reader's form when known, else bokmål."""
    from botbuilder.schema import Activity

    from adapters.slack.failure import failure_reply
    from adapters.teams.handler import welcome as _welcome

    bot = make_bot(at=DAYS[0], config=make_config(regions=("agder", "vestland")))
    assert bot.core.channel_lang(platform="terminal", channel_id="vestland") == "nn"
    assert bot.core.channel_lang(platform="terminal", channel_id="agder") == "nb"
    activity = Activity().deserialize(
        {
            "type": "conversationUpdate",
            "channelId": "msteams",
            "conversation": {"id": "19:x@thread.tacv2", "conversationType": "channel"},
        }
    )
    nynorsk = _welcome(activity, lang="nn").attachments[0].content
    assert "Eg held årshjulet" in str(nynorsk)
    _assert_form(_strings(nynorsk), forbidden=BOKMAL_ONLY, where="Teams welcome (nn)")
    _assert_form(_strings(_welcome(activity).attachments[0].content), forbidden=NYNORSK_ONLY, where="welcome")
    _assert_form(_texts(failure_reply("nn")), forbidden=BOKMAL_ONLY, where="Slack failure (nn)")
    assert failure_reply().title == "Noe gikk galt"
