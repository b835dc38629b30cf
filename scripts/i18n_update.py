"""Update the message catalogues from the code: `python scripts/i18n_update.py [--fill nn.json]`.

Extracts every `_()`, `N_()` and `ngettext()` text (babel.cfg) into bot/locale/messages.pot, merges it into
bot/locale/{nb,nn}/LC_MESSAGES/messages.po (the bokmål catalogue is the source text itself; nynorsk keeps its
translations and gets new texts empty), and lists what nynorsk still lacks. `--fill` takes a JSON object
msgid -> nynorsk text (a list of two for plurals) and writes those translations. tests/test_i18n.py fails
while any text lacks its nynorsk form.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "bot" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED = datetime(2026, 11, 24, tzinfo=UTC)
"""One header date for every run, so updating the catalogues changes only the texts (no merge noise)."""


def extract() -> Catalog:
    """The texts in the code, as a template catalogue."""
    template = Catalog(project="samhandlingsbot", fuzzy=False, creation_date=FIXED, revision_date=FIXED)
    method_map = [
        ("bot/**.py", "python"),
        ("handlers/**.py", "python"),
        ("adapters/**.py", "python"),
        ("adapters/web/templates/**.html", "jinja2"),
    ]
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True
    ):
        template.add(message, flags=("python-brace-format",) if "{" in str(message) else ())
    return template


def _po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "messages.po"


def _read(lang: str) -> Catalog:
    path = _po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="samhandlingsbot", fuzzy=False, creation_date=FIXED, revision_date=FIXED)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _write(lang: str, catalog: Catalog) -> None:
    path = _po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=True, include_previous=False)


def update(fill: dict[str, object]) -> list[str]:
    template = extract()
    with (LOCALE / "messages.pot").open("wb") as handle:
        write_po(handle, template, width=0, sort_output=True)
    missing: list[str] = []
    for lang in ("nb", "nn"):
        old = _read(lang)
        new = Catalog(locale=lang, project="samhandlingsbot", fuzzy=False, creation_date=FIXED, revision_date=FIXED)
        for message in template:
            if not message.id:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if lang == "nb":
                string: object = message.id if isinstance(message.id, str) else list(message.id)
            else:
                previous = old.get(message.id)
                string = (
                    fill.get(key)
                    or (previous.string if previous else None)
                    or ("" if isinstance(message.id, str) else ["", ""])
                )
            if isinstance(string, list):
                string = tuple(string)
            new.add(message.id, string=string, flags=message.flags)
            empty = not string or (isinstance(string, tuple) and not all(string))
            if lang == "nn" and empty:
                missing.append(key)
        _write(lang, new)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill", help="JSON file: msgid -> nynorsk text")
    args = parser.parse_args()
    fill = json.loads(Path(args.fill).read_text(encoding="utf-8")) if args.fill else {}
    missing = update(fill)
    for key in missing:
        print(json.dumps(key, ensure_ascii=False))
    print(f"{len(missing)} texts lack a nynorsk form", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
