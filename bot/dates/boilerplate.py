"""What a pasted Teams or Outlook invitation and a signed PDF's footer add around the date (dates19).

A Teams invitation copied from Outlook carries its own lines above and below the day («Microsoft Teams-møte»,
«Bli med på datamaskinen, mobilappen eller rommets enhet», «Klikk her for å bli med i møtet», «Møte-ID: 345 678
901», «Passord: …»), and a signed PDF's footer names who signed before the day («Signert elektronisk av Kari
Nordmann 21.12.2027 kl. 14:32»). None of these names a day, and the meeting ID's digits would read as noise, so
they are cut before `bot.dates.pasted` frames the rest; a line with a date of its own is never cut.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_TEAMS_LINE_RE = re.compile(
    r"^[ \t]*(?:microsoft\s+teams(?:-|\s+)(?:møte|meeting)|teams-møte"
    r"|bli\s+med\s+(?:på|via|fra|frå)\s+(?:datamaskinen|mobilappen|nettleseren|telefon|videokonferanse)[^\n]*"
    r"|join\s+(?:on\s+your\s+computer|the\s+meeting|with\s+a\s+video)[^\n]*"
    r"|(?:klikk|click)\s+(?:her|here)\s+(?:for\s+å\s+bli\s+med|to\s+join)[^\n]*"
    r"|(?:møte-id|meeting\s+id|passord|passcode|konferanse-id|conference\s+id)\s*:[^\n]*"
    r"|(?:lær\s+mer|learn\s+more|møtealternativer|meeting\s+options|hjelp)(?:\s*\|\s*[^\n]*)?"
    r"|(?:trenger\s+du\s+hjelp|need\s+help)\s*\??"
    r"|(?:ring\s+inn|call\s+in)\s*\((?:kun\s+lyd|audio\s+only)\)[^\n]*"
    r"|(?:finn\s+et\s+lokalt\s+nummer|find\s+a\s+local\s+number|tilbakestill\s+pin[^\n]*|reset\s+pin)[^\n]*"
    r"|(?:id\s+for\s+telefonkonferanse|phone\s+conference\s+id)\s*:[^\n]*"
    r"|\+[0-9][0-9 ]{6,}[0-9,#]*(?:\s+[^\n]*)?"  # a dial-in number line: «+47 21 40 12 34,,123456789# Norge, Oslo»
    r"|_{3,}|-{3,})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# «Signert elektronisk av Kari Nordmann 21.12.2027», «Dokumentet er signert av Ola Hansen den 3.1.2028»: the signer's
# name (capitalised words) between «av» and the day.
_SIGNED_BY_RE = re.compile(
    r"^\s*(?i:(?:dokumentet\s+er\s+)?(?:elektronisk\s+)?signert(?:\s+elektronisk)?\s+av)"
    r"\s+[A-ZÆØÅ][\w.'-]*(?:\s+[A-ZÆØÅ][\w.'-]*){0,3}\s*,?\s+(?i:den\s+|on\s+)?(?=[0-9])"
)


def without_boilerplate(text: str) -> str:
    """`text` without a Teams invitation's own lines and a signed footer's signer; `text` when it has neither."""
    s = _TEAMS_LINE_RE.sub("", text) if "\n" in text or "eams" in text else text
    if "\n" in s:
        s = "\n".join(line for line in s.split("\n") if line.strip())
    return _SIGNED_BY_RE.sub("", s, count=1)
