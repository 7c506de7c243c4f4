"""The editable theme taxonomy (taxonomy/themes.yaml): load, validate, version and hash it.

The YAML is edited by analysts, so every mistake is reported with the theme id and the field, and the loaded
object is immutable. `content_hash` is the SHA-256 of the parsed content (canonical JSON), so editing a term,
a weight or a description changes it while re-indenting or editing comments does not; it is written with
the user-managed `version` into every output row.

Term syntax (phrases, keywords, anchors, cues, exclude): words separated by spaces, matched on folded text
(see normalise.py), so accents and Arabic spelling variants need not be listed. A word ending in `*` is a
prefix (`arnaqu*` matches arnaque, arnaqueur, arnaqués; at least 3 characters before the `*`). Phrases
tolerate up to `settings.max_gap` extra words between their words. Language keys (fr, en, ar, pt, wo, pcm,
darija...) only organise the lists: matching is language-agnostic because verbatims code-mix.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from fieldvoice.contract import JOURNEY_STAGES, PAIN_POINTS

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[2] / "taxonomy" / "themes.yaml"
POLARITIES = ("pain", "praise", "signal")  # signal: worth tracking, neither a pain nor praise (churn intent)
TERM_LISTS = ("phrases", "keywords", "anchors", "cues", "exclude")
CUE_LISTS = ("negative", "positive", "negators", "no_problem", "contrast")
_WEIGHTS = {"phrase": 0.8, "keyword": 0.6, "anchor_cue": 0.55, "anchor": 0.2}


class TaxonomyError(ValueError):
    """The taxonomy file is invalid; the message names the theme and the field."""


@dataclass(frozen=True)
class Settings:
    min_score: float = 0.5  # a theme is assigned when its combined evidence score reaches this
    max_gap: int = 2  # extra words tolerated between the words of a phrase
    cue_window: int = 3  # words between an anchor and the cue that qualifies it
    negator_window: int = 2  # words before a keyword/praise term in which a negator voids it
    weights: MappingProxyType = field(default_factory=lambda: MappingProxyType(dict(_WEIGHTS)))
    fuzzy_factor: float = 0.8  # weight multiplier of evidence that needed a fuzzy (misspelt) word
    fuzzy_min_len_latin: int = 5  # shorter words are never fuzzy-matched (too many false friends)
    fuzzy_min_len_arabic: int = 6
    fuzzy_two_edits_from: int = 8  # words this long tolerate 2 edits, shorter ones 1


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    polarity: str
    journey_stages: tuple[str, ...]
    pain_points: tuple[str, ...]
    terms: MappingProxyType  # list name (TERM_LISTS) -> tuple of terms, all languages together
    global_cues: bool  # anchors may be qualified by the global cues, not only by the theme's own cues
    min_score: float | None


@dataclass(frozen=True)
class Taxonomy:
    version: str
    content_hash: str  # first 16 hex digits of the SHA-256 of the canonical content
    path: str
    settings: Settings
    themes: tuple[Theme, ...]
    cues: MappingProxyType  # CUE_LISTS name -> tuple of terms

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    @property
    def pain_theme_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes if t.polarity == "pain")


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """Load and validate a taxonomy YAML file (the project's taxonomy/themes.yaml by default)."""
    path = Path(path) if path is not None else DEFAULT_TAXONOMY
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise TaxonomyError(f"{path}: not valid YAML: {error}") from error
    return parse_taxonomy(raw, str(path))


def content_hash(raw: Any) -> str:
    canonical = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def parse_taxonomy(raw: Any, source: str = "<memory>") -> Taxonomy:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: the top level must be a mapping with version, settings, cues, themes")
    version = raw.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise TaxonomyError(f"{source}: a non-empty `version` is required")
    themes_raw = raw.get("themes")
    if not isinstance(themes_raw, list) or not themes_raw:
        raise TaxonomyError(f"{source}: `themes` must be a non-empty list")
    themes = tuple(_theme(item, i, source) for i, item in enumerate(themes_raw))
    seen: set[str] = set()
    for theme in themes:
        if theme.id in seen:
            raise TaxonomyError(f"{source}: theme id {theme.id!r} is used twice")
        seen.add(theme.id)
    cues_raw = raw.get("cues") or {}
    if not isinstance(cues_raw, dict):
        raise TaxonomyError(f"{source}: `cues` must be a mapping of {', '.join(CUE_LISTS)}")
    cues = {name: _terms(cues_raw.get(name), f"cues.{name}", source) for name in CUE_LISTS}
    unknown = set(cues_raw) - set(CUE_LISTS)
    if unknown:
        raise TaxonomyError(f"{source}: unknown cue list(s) {sorted(unknown)}; expected {CUE_LISTS}")
    return Taxonomy(
        str(version).strip(),
        content_hash(raw),
        source,
        _settings(raw.get("settings") or {}, source),
        themes,
        MappingProxyType(cues),
    )


def _settings(raw: Any, source: str) -> Settings:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: `settings` must be a mapping")
    defaults = Settings()
    values: dict[str, Any] = {}
    for name in ("min_score", "fuzzy_factor"):
        values[name] = _number(raw.get(name, getattr(defaults, name)), f"settings.{name}", source, 0.0, 1.0)
    for name in ("max_gap", "cue_window", "negator_window", "fuzzy_min_len_latin", "fuzzy_min_len_arabic"):
        values[name] = int(_number(raw.get(name, getattr(defaults, name)), f"settings.{name}", source, 0, 50))
    values["fuzzy_two_edits_from"] = int(
        _number(raw.get("fuzzy_two_edits_from", defaults.fuzzy_two_edits_from), "settings.fuzzy", source, 1, 99)
    )
    weights = dict(_WEIGHTS)
    for name, value in (raw.get("weights") or {}).items():
        if name not in _WEIGHTS:
            raise TaxonomyError(f"{source}: settings.weights.{name} is unknown; expected {sorted(_WEIGHTS)}")
        weights[name] = _number(value, f"settings.weights.{name}", source, 0.0, 1.0)
    unknown = set(raw) - {*values, "weights"}
    if unknown:
        raise TaxonomyError(f"{source}: unknown setting(s) {sorted(unknown)}")
    return Settings(weights=MappingProxyType(weights), **values)


def _theme(raw: Any, index: int, source: str) -> Theme:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{source}: themes[{index}] must be a mapping")
    theme_id = raw.get("id")
    if not isinstance(theme_id, str) or not theme_id.replace("_", "").isalnum() or theme_id != theme_id.lower():
        raise TaxonomyError(f"{source}: themes[{index}].id must be a lower-case snake_case string, got {theme_id!r}")
    where = f"{source}: theme {theme_id!r}"
    for name in ("name", "description"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise TaxonomyError(f"{where}: `{name}` is required")
    polarity = raw.get("polarity", "pain")
    if polarity not in POLARITIES:
        raise TaxonomyError(f"{where}: polarity must be one of {POLARITIES}, got {polarity!r}")
    stages = _codes(raw.get("journey_stages"), JOURNEY_STAGES, "journey_stages", where)
    pains = _codes(raw.get("pain_points") or [], PAIN_POINTS, "pain_points", where)
    terms = {name: _terms(raw.get(name), name, where) for name in TERM_LISTS}
    if not (terms["phrases"] or terms["keywords"] or terms["anchors"]):
        raise TaxonomyError(f"{where}: needs at least one of phrases, keywords, anchors")
    known = {"id", "name", "description", "polarity", "journey_stages", "pain_points", "global_cues", "min_score"}
    unknown = set(raw) - known - set(TERM_LISTS)
    if unknown:
        raise TaxonomyError(f"{where}: unknown field(s) {sorted(unknown)}")
    min_score = raw.get("min_score")
    return Theme(
        theme_id,
        raw["name"].strip(),
        " ".join(raw["description"].split()),
        polarity,
        stages,
        pains,
        MappingProxyType(terms),
        bool(raw.get("global_cues", True)),
        None if min_score is None else _number(min_score, "min_score", where, 0.0, 1.0),
    )


def _codes(raw: Any, allowed: tuple[str, ...], name: str, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise TaxonomyError(f"{where}: `{name}` must be a list of codes from {allowed}")
    bad = [c for c in raw if c not in allowed]
    if bad:
        raise TaxonomyError(f"{where}: `{name}` has unknown code(s) {bad}; allowed: {allowed}")
    return tuple(raw)


def _terms(raw: Any, name: str, where: str) -> tuple[str, ...]:
    """A term list is either a list or a mapping language -> list; all languages are merged (sorted keys)."""
    if raw is None:
        return ()
    groups = [raw] if isinstance(raw, list) else [raw[k] for k in sorted(raw)] if isinstance(raw, dict) else None
    if groups is None or not all(isinstance(g, list) for g in groups):
        raise TaxonomyError(f"{where}: `{name}` must be a list of strings or a mapping language -> list")
    out: list[str] = []
    for term in (t for g in groups for t in g):
        if not isinstance(term, str) or not term.strip():
            raise TaxonomyError(f"{where}: `{name}` holds an empty or non-string term: {term!r}")
        for word in term.split():
            if word.endswith("*") and len(word.rstrip("*")) < 3:
                raise TaxonomyError(f"{where}: `{name}` term {term!r}: a prefix needs 3+ characters before *")
        out.append(term.strip())
    return tuple(dict.fromkeys(out))


def _number(value: Any, name: str, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise TaxonomyError(f"{where}: `{name}` must be a number in [{low}, {high}], got {value!r}")
    return float(value)
