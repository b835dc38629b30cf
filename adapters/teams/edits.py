"""An edited message (Teams `messageUpdate`, `channelData.eventType` «editMessage»): the bot does not read
edits, and says so (walk15b N4). A person who corrects a typo in the message the bot refused would otherwise
see nothing happen and believe the corrected command was done. Acting on an edit is not safe: the first
version may already have changed state, and a command is recorded once, as it was first sent."""

from __future__ import annotations

import logging

from botbuilder.schema import Activity, ActivityTypes

from bot.i18n import _, using
from bot.port import CorePort

from .translate import read_command, to_request

logger = logging.getLogger(__name__)


def edit_notice(activity: Activity, *, core: CorePort) -> Activity | None:
    """The short reply to an edited message meant for the bot, in the written form the person reads there;
    None when it holds no command."""
    request = to_request(activity)
    if request is None or not read_command(activity)[0]:
        return None
    logger.info("Teams: an edited message in %s was not read", request.channel_id)
    with using("nn" if core.lang_for(request) == "nn" else "nb"):
        text = _("Jeg leser ikke endrede meldinger. Skriv kommandoen på nytt i en ny melding.")
    return Activity(type=ActivityTypes.message, text=text, text_format="plain")
