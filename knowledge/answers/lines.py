"""Which emergency numbers and crisis lines a reply names: those of the user's country when
the region is known and listed (Telegram's "pt-br" -> Brazil), else those of up to
MAX_COUNTRIES countries that speak the reply's language, then the worldwide directory; with
no country for either, the file's general lines. Country names are Babel's (CLDR), in the
reply's language."""

from __future__ import annotations

from babel import Locale

from knowledge.answers import wording
from knowledge.base.models import Country, HelpLine, Helplines
from knowledge.i18n.catalog import active_language, active_region

MAX_COUNTRIES = 3


def countries(helplines: Helplines) -> tuple[Country, ...]:
    """The countries whose lines the active language and region call for, in order."""
    region = active_region()
    here = [c for c in helplines.country if c.code == region]
    if here:
        return tuple(here)
    lang = active_language()
    return tuple(c for c in helplines.country if lang in c.languages)[:MAX_COUNTRIES]


def emergency_numbers(helplines: Helplines) -> tuple[str, ...]:
    chosen = countries(helplines)
    if not chosen:
        return helplines.emergency_numbers
    return tuple(dict.fromkeys(n for c in chosen for n in c.emergency_numbers))


def crisis_lines(helplines: Helplines) -> tuple[str, ...]:
    """Each line as shown: "España: 024 (Línea 024 ...)"."""
    chosen = countries(helplines)
    if not chosen:
        return general_lines(helplines.crisis)
    shown = [
        wording.HELPLINE.format(region=country_name(c.code), contact=line.contact, name=line.name)
        for c in chosen
        for line in c.crisis
    ]
    if helplines.directory is not None:
        d = helplines.directory
        shown.append(wording.HELPLINE.format(region=wording.OTHER_COUNTRIES, contact=d.contact, name=d.name))
    return tuple(shown)


def poison_lines(helplines: Helplines) -> tuple[str, ...]:
    """The poison centres of the countries chosen ("España: 91 562 04 20 (...)"); with no
    country chosen, the file's general ones. A chosen country without one listed has none
    here: its emergency numbers, in the advice, are the line to call."""
    chosen = countries(helplines)
    if not chosen:
        return general_lines(helplines.poison)
    return tuple(
        wording.HELPLINE.format(region=country_name(c.code), contact=line.contact, name=line.name)
        for c in chosen
        for line in c.poison
    )


def general_lines(lines: tuple[HelpLine, ...]) -> tuple[str, ...]:
    return tuple(wording.HELPLINE.format(region=h.region, contact=h.contact, name=h.name) for h in lines)


def country_name(code: str) -> str:
    """The country's name in the active language ("BR" -> "Brasil" in Portuguese)."""
    found = Locale.parse(active_language()).territories.get(code)
    return str(found) if found else code
