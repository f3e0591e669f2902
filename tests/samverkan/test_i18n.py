"""The English catalogue: complete, compiled and actually used.

Only the standard library reads the catalogue here, so the tests need neither
gettext tools nor polib.
"""

import ast
import gettext as gnu_gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]")


@dataclass
class Entry:
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    line: int = 0

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    def catalog_items(self):
        """The (key, value) pairs GNUTranslations builds from this entry."""
        msgid = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        if self.msgid_plural is None:
            yield msgid, self.msgstr[0]
        else:
            for i, text in sorted(self.msgstr.items()):
                yield (msgid, i), text


def parse_po(path):
    """A small PO reader: enough for files written by makemessages/msgmerge."""
    entries = []
    entry = None
    target = None  # (attribute, plural index) that continuation lines extend

    def start():
        nonlocal entry
        if entry is None or entry.msgstr:
            entry = Entry()
            entries.append(entry)
        return entry

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            start().flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            text = ast.literal_eval(line)
            name, index = target
            if name == "msgstr":
                entry.msgstr[index] += text
            else:
                setattr(entry, name, getattr(entry, name) + text)
            continue
        keyword, _, rest = line.partition(" ")
        text = ast.literal_eval(rest)
        if keyword in ("msgctxt", "msgid"):
            current = start()
            if keyword == "msgctxt" or current.line == 0:
                current.line = number
            setattr(current, keyword, text)
            target = (keyword, None)
        elif keyword == "msgid_plural":
            entry.msgid_plural = text
            target = (keyword, None)
        elif keyword == "msgstr":
            entry.msgstr[0] = text
            target = ("msgstr", 0)
        elif keyword.startswith("msgstr["):
            index = int(keyword[len("msgstr[") : -1])
            entry.msgstr[index] = text
            target = ("msgstr", index)
        else:
            raise ValueError(f"{path}:{number}: cannot parse {raw!r}")
    return entries


@pytest.fixture(scope="module")
def po_entries():
    return parse_po(PO_FILE)


def test_po_parser_finds_the_catalogue(po_entries):
    assert po_entries[0].is_header
    messages = [e for e in po_entries if not e.is_header]
    assert len(messages) > 100
    assert any(e.msgid == "Insatser" for e in messages)
    assert any(e.msgid_plural for e in messages)


def test_po_header_is_english_with_plural_forms(po_entries):
    header = po_entries[0].msgstr[0]
    assert "Language: en\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
    assert "charset=UTF-8" in header


def test_po_has_no_fuzzy_or_empty_entries(po_entries):
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in po_entries if "fuzzy" in e.flags]
    assert not fuzzy, "Fuzzy entries:\n" + "\n".join(fuzzy)

    empty = []
    for e in po_entries:
        if e.is_header:
            continue
        expected_forms = {0, 1} if e.msgid_plural is not None else {0}
        if set(e.msgstr) != expected_forms or not all(e.msgstr.values()):
            empty.append(f"line {e.line}: {e.msgid!r}")
    assert not empty, "Untranslated entries:\n" + "\n".join(empty)


def test_po_translations_keep_placeholders(po_entries):
    wrong = []
    for e in po_entries:
        if e.is_header:
            continue
        sources = [e.msgid] if e.msgid_plural is None else [e.msgid, e.msgid_plural]
        wanted = {frozenset(PLACEHOLDER.findall(s)) for s in sources}
        for text in e.msgstr.values():
            if frozenset(PLACEHOLDER.findall(text)) not in wanted:
                wrong.append(f"line {e.line}: {e.msgid!r} -> {text!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def without_pot_creation_date(header):
    return "".join(
        line
        for line in header.splitlines(keepends=True)
        if not line.startswith("POT-Creation-Date:")
    )


def test_mo_matches_po(po_entries):
    """The committed .mo holds exactly what the .po says: recompile if this fails."""
    with MO_FILE.open("rb") as fp:
        compiled = gnu_gettext.GNUTranslations(fp)
    expected = dict(item for e in po_entries for item in e.catalog_items())
    actual = dict(compiled._catalog)
    # msgfmt leaves POT-Creation-Date out, and makemessages bumps it on every run.
    expected[""] = without_pot_creation_date(expected[""])
    actual[""] = without_pot_creation_date(actual.get("", ""))

    missing = sorted(repr(k) for k in expected.keys() - actual.keys())
    stale = sorted(repr(k) for k in actual.keys() - expected.keys())
    changed = sorted(repr(k) for k in expected.keys() & actual.keys() if expected[k] != actual[k])
    assert not (missing or stale or changed), (
        "django.mo is out of date; run `manage.py compilemessages -l en`.\n"
        f"missing: {missing}\nstale: {stale}\nchanged: {changed}"
    )


@pytest.mark.parametrize(
    ("msgid", "english"),
    [
        ("Insatser", "Interventions"),
        ("Handläggare", "Caseworker"),
        ("samordningsförbund", "coordination association"),
        ("Tillgänglighetsredogörelse", "Accessibility statement"),
        ("Engelska", "English"),
    ],
)
def test_django_uses_the_english_catalogue(msgid, english):
    with translation.override("en"):
        assert translation.gettext(msgid) == english
    with translation.override("sv"):
        assert translation.gettext(msgid) == msgid


def test_django_english_plurals_and_placeholders():
    with translation.override("en"):
        assert translation.ngettext("%(n)s myndighet", "%(n)s myndigheter", 1) % {"n": 1} == (
            "1 agency"
        )
        assert translation.ngettext("%(n)s myndighet", "%(n)s myndigheter", 3) % {"n": 3} == (
            "3 agencies"
        )
        assert translation.gettext("Insatsen %(namn)s är skapad.") % {"namn": "Steg"} == (
            "The intervention Steg has been created."
        )
    with translation.override("sv"):
        assert translation.ngettext("%(n)s myndighet", "%(n)s myndigheter", 3) % {"n": 3} == (
            "3 myndigheter"
        )
