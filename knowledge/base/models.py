"""Frozen data models of the knowledge base."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.i18n.languages import is_language


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Entry(Frozen):
    """One bullet of an article's list: "Name: description" items have a name."""

    text: str
    name: str = ""


class Remedy(Frozen):
    name: str
    description: str
    ingredient_slugs: tuple[str, ...] = ()


class RedFlag(Frozen):
    """A red flag of one condition, from the overlay: phrases in the lexicon's phrase language,
    and `frames` whose phrases must all occur within `window` words of each other. It counts
    only when a message is about the condition (named, in context, or implied)."""

    level: Literal["doctor", "emergency"] = "doctor"
    phrases: tuple[str, ...] = ()
    frames: tuple[tuple[str, ...], ...] = ()
    window: int = Field(default=8, ge=1, le=30)

    @model_validator(mode="after")
    def _something(self) -> RedFlag:
        if not self.phrases and not self.frames:
            raise ValueError("a red flag needs phrases or frames")
        if any(len(frame) < 2 for frame in self.frames):
            raise ValueError("a frame needs two phrases or more")
        return self


class Reviewed(Frozen):
    """Who translated a text, and whether a clinician has reviewed the translation (overlay)."""

    translated_by: str = Field(min_length=1)
    clinician_reviewed: bool = False


class ConditionTranslation(Reviewed):
    """A condition's article in another language (`<file>.<lang>.txt`): the same sections and
    items as the English article, in the same order, with the headings it writes."""

    lang: str
    title: str
    aliases: tuple[str, ...] = ()
    synopsis: str
    headings: Mapping[str, str]  # section key -> heading as the translation writes it
    bullets: Mapping[str, tuple[Entry, ...]]
    remedies: tuple[Remedy, ...]
    ingredient_names: Mapping[str, str]  # ingredient slug -> its name in the translation
    ingredients_intro: str
    source: str

    def items(self, section: str) -> tuple[str, ...]:
        return tuple(e.text for e in self.bullets.get(section, ()))


class SafetyTranslation(Frozen):
    """An ingredient's safety facts in another language: the same facts as the English ones."""

    upper_limit: str | None = None
    cautions: tuple[str, ...] = ()
    ask_first: tuple[str, ...] = ()


class IngredientTranslation(Reviewed):
    """An ingredient's name and safety facts in another language (overlay)."""

    name: str = Field(min_length=1)
    safety: SafetyTranslation | None = None
    # Its product forms, in the order of the English `forms` ("citrato", "glicinato").
    forms: tuple[str, ...] = ()


class Condition(Frozen):
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    # How people describe it without naming it, in the phrase language, with KnowledgeBase.groups.
    descriptions: tuple[str, ...] = ()
    synopsis: str
    # Each bullet section of the article (knowledge.sections), by section key.
    bullets: Mapping[str, tuple[Entry, ...]]
    remedies: tuple[Remedy, ...]
    ingredient_slugs: tuple[str, ...]
    ingredients_intro: str = ""
    source: str = ""
    # The condition's own red flags (overlay), and which "When to See a Doctor" items are
    # emergencies (overlay `emergency_items`, the item's text).
    red_flags: Mapping[str, RedFlag] = {}
    emergency_items: tuple[str, ...] = ()
    # The article in other languages, by language code.
    translations: Mapping[str, ConditionTranslation] = {}

    def items(self, section: str) -> tuple[str, ...]:
        return tuple(e.text for e in self.bullets.get(section, ()))

    @property
    def types(self) -> tuple[Entry, ...]:
        return self.bullets.get("types", ())

    @property
    def common_causes(self) -> tuple[str, ...]:
        return self.items("causes")

    @property
    def severity_causes(self) -> tuple[str, ...]:
        return self.items("severity")

    @property
    def when_to_see_doctor(self) -> tuple[str, ...]:
        return self.items("doctor")


class IngredientUse(Frozen):
    """What one condition's article says about an ingredient; no description if it says none."""

    condition_slug: str
    description: str | None = None


class Safety(Frozen):
    """Curated safety facts for adults, each entry with its source; never a dose of our own."""

    upper_limit: str | None = None
    no_upper_limit: bool = False
    cautions: tuple[str, ...] = ()
    ask_first: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _sourced(self) -> Safety:
        claims = bool(self.upper_limit or self.cautions or self.ask_first)
        if self.upper_limit and self.no_upper_limit:
            raise ValueError("upper_limit and no_upper_limit contradict each other")
        if not claims and not self.no_upper_limit:
            raise ValueError("a safety entry needs an upper limit, no_upper_limit or cautions")
        if claims and not any(s.strip() for s in self.sources):
            raise ValueError("a safety entry needs a source (sources = [...])")
        return self


class Ingredient(Frozen):
    slug: str
    name: str
    # Every name people type for it: other names, and each product form with its name
    # ("Magnesium citrate"), so that matching needs to know nothing of forms.
    aliases: tuple[str, ...] = ()
    uses: tuple[IngredientUse, ...]
    safety: Safety | None = None
    # Its product forms, as shown ("citrate", "glycinate"): the overlay's `forms`.
    forms: tuple[str, ...] = ()
    # Its name and safety facts in other languages, by language code.
    translations: Mapping[str, IngredientTranslation] = {}

    @property
    def form_names(self) -> tuple[str, ...]:
        """Each form with the ingredient's name, as people type it: "Magnesium citrate"."""
        return tuple(f"{self.name} {form}" for form in self.forms)

    @property
    def other_names(self) -> tuple[str, ...]:
        """Its aliases that are other names, not product forms."""
        forms = {" ".join(n.casefold().split()) for n in self.form_names}
        return tuple(a for a in self.aliases if " ".join(a.casefold().split()) not in forms)


class HelpLine(Frozen):
    """Someone to call: a crisis line or a poison centre."""

    region: str
    name: str
    contact: str


def _published(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        raise ValueError("must be the address of the page that publishes it")
    return url


class CountryLine(Frozen):
    """A crisis line of one country, shown exactly as written here."""

    name: str
    contact: str  # what to dial or open: "024", "0800 111 0 111", "healing119.id"
    source: str  # the page that publishes it

    @field_validator("source")
    @classmethod
    def _source(cls, url: str) -> str:
        return _published(url)


class Country(Frozen):
    """A country's emergency numbers and crisis lines. `languages`: the supported languages
    spoken there (a reply in one of them, with no region known, lists its countries' lines);
    `code`: ISO 3166 alpha-2, the region of Telegram's language_code ("pt-br" -> "BR")."""

    code: str
    languages: tuple[str, ...]
    emergency_numbers: tuple[str, ...]
    emergency_source: str
    crisis: tuple[CountryLine, ...] = ()
    # Poison centres, shown with poisoning and overdose emergencies; a country without one
    # listed gets its emergency numbers only.
    poison: tuple[CountryLine, ...] = ()

    @field_validator("code")
    @classmethod
    def _code(cls, code: str) -> str:
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise ValueError("must be a two-letter upper-case country code (ISO 3166)")
        return code

    @field_validator("emergency_numbers", "languages")
    @classmethod
    def _some(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("must list at least one entry")
        return value

    @field_validator("languages")
    @classmethod
    def _supported(cls, languages: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [code for code in languages if not is_language(code)]
        if unknown:
            raise ValueError(f"unsupported language {unknown[0]!r}")
        return languages

    @field_validator("emergency_source")
    @classmethod
    def _source(cls, url: str) -> str:
        return _published(url)


class Helplines(Frozen):
    """Emergency numbers, crisis lines and poison centres: operators edit them for their users.
    `emergency_numbers`, `crisis` and `poison` are the general ones; `country` the lines of
    each country (knowledge.answers.lines picks them by the reply's language and region), and
    `directory` the worldwide list shown after them."""

    emergency_numbers: tuple[str, ...]
    crisis: tuple[HelpLine, ...]
    poison: tuple[HelpLine, ...] = ()
    country: tuple[Country, ...] = ()
    directory: CountryLine | None = None

    @field_validator("emergency_numbers", "crisis")
    @classmethod
    def _not_empty(cls, value: tuple[object, ...]) -> tuple[object, ...]:
        if not value:
            raise ValueError("must list at least one entry")
        return value


class KnowledgeBase(Frozen):
    conditions: Mapping[str, Condition]
    ingredients: Mapping[str, Ingredient]
    helplines: Helplines | None = None
    # The overlay's word lists, for the conditions' descriptions ("{body_part} ... {moves}").
    groups: Mapping[str, tuple[str, ...]] = {}

    def topics(self) -> tuple[Condition | Ingredient, ...]:
        """Every condition, then every ingredient."""
        return (*self.conditions.values(), *self.ingredients.values())

    def ingredients_of(self, condition_slug: str) -> tuple[Ingredient, ...]:
        """The ingredients a condition's article lists, in the article's order."""
        condition = self.conditions.get(condition_slug)
        if condition is None:
            return ()
        return tuple(self.ingredients[s] for s in condition.ingredient_slugs)

    def conditions_for(self, ingredient_slug: str) -> tuple[Condition, ...]:
        """The conditions whose articles list an ingredient."""
        ingredient = self.ingredients.get(ingredient_slug)
        if ingredient is None:
            return ()
        return tuple(self.conditions[u.condition_slug] for u in ingredient.uses)

    def use(self, ingredient_slug: str, condition_slug: str) -> IngredientUse | None:
        ingredient = self.ingredients.get(ingredient_slug)
        if ingredient is None:
            return None
        return next((u for u in ingredient.uses if u.condition_slug == condition_slug), None)

    def name_of(self, slug: str) -> str | None:
        topic = self.conditions.get(slug) or self.ingredients.get(slug)
        return topic.name if topic else None
