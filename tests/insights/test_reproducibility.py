"""Same input (in any row order) -> identical tables and ids; taxonomy edits show in every output row."""

import copy
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from fieldvoice.insights import DEFAULT_TAXONOMY, TaxonomyError, analyse, load_taxonomy
from fieldvoice.insights.taxonomy import parse_taxonomy
from tests.insights.conftest import AS_OF, ESIM_PREFIX, Analysed


def test_two_runs_give_identical_tables_and_ids(analysed: Analysed) -> None:
    shuffled_v = analysed.verbatims.sample(frac=1.0, random_state=1)
    shuffled_i = analysed.interviews.sample(frac=1.0, random_state=2)
    again = analyse(shuffled_v, shuffled_i, AS_OF)
    for name, table in analysed.result.tables().items():
        pd.testing.assert_frame_equal(table, again.tables()[name], obj=name)
    assert again.opportunity_list == analysed.result.opportunity_list
    assert list(again.discovered["theme_id"]) == list(analysed.result.discovered["theme_id"])


def _edited_taxonomy(folder: Path) -> Path:
    raw = yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    raw["version"] = "test-edit-1"
    raw["themes"].append(
        {
            "id": "esim_activation",
            "name": "e-SIM activation problems",
            "description": "e-SIM profiles that cannot be downloaded or activated, QR codes that fail.",
            "polarity": "pain",
            "journey_stages": ["buy_activate"],
            "pain_points": ["sim_registration"],
            "keywords": {"en": ["esim", "esims"], "fr": ["esim"]},
            "phrases": {"en": ["e sim"], "ar": ["الشريحه الالكترونيه"]},
        }
    )
    path = folder / "themes.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_taxonomy_edit_changes_version_hash_and_assignments(analysed: Analysed, tmp_path: Path) -> None:
    path = _edited_taxonomy(tmp_path)
    edited = load_taxonomy(path)
    original = load_taxonomy()
    assert edited.version == "test-edit-1" and edited.content_hash != original.content_hash
    subset = analysed.verbatims[
        analysed.verbatims["verbatim_id"].str.startswith(ESIM_PREFIX) | (analysed.verbatims.index < 800)
    ]
    result = analyse(subset, analysed.interviews, AS_OF, taxonomy_path=path)
    for name, table in result.tables().items():
        if len(table):
            assert set(table["taxonomy_version"]) == {"test-edit-1"}, name
            assert set(table["taxonomy_hash"]) == {edited.content_hash}, name
    assert result.metadata["taxonomy_hash"] == edited.content_hash
    tagged = result.assignments.query("theme_id == 'esim_activation'")["verbatim_id"]
    assert tagged.str.startswith(ESIM_PREFIX).sum() >= 30  # the proposed theme, once adopted, is matched


def test_whitespace_and_comments_do_not_change_the_hash(tmp_path: Path) -> None:
    text = DEFAULT_TAXONOMY.read_text(encoding="utf-8")
    path = tmp_path / "themes.yaml"
    path.write_text("# a new comment\n" + text.replace("\nthemes:\n", "\n\nthemes:\n"), encoding="utf-8")
    assert load_taxonomy(path).content_hash == load_taxonomy().content_hash


@pytest.fixture(scope="module")
def default_raw() -> dict:
    return yaml.safe_load(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t["themes"][0].update(journey_stages=["nowhere"]), "unknown code"),
        (lambda t: t["themes"][1].update(id=t["themes"][0]["id"]), "used twice"),
        (lambda t: t["themes"][0].update(polarity="angry"), "polarity"),
        (lambda t: t["themes"][0].update(keywords=["ab*"]), r"3\+ characters"),
        (lambda t: t.pop("version"), "version"),
        (lambda t: t["settings"].update(min_score=3), "min_score"),
    ],
)
def test_invalid_taxonomy_is_reported_with_the_theme(default_raw: dict, edit, message: str) -> None:
    raw = copy.deepcopy(default_raw)
    edit(raw)
    with pytest.raises(TaxonomyError, match=message):
        parse_taxonomy(raw, "bad.yaml")


def test_invalid_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("themes: [unclosed", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid YAML"):
        load_taxonomy(path)


def test_default_taxonomy_shape() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.themes) >= 15
    ids = {t.id for t in taxonomy.themes}
    assert {"network_coverage", "fraud_scam", "mm_agent_cash", "care_wait", "praise_network"} <= ids
    for theme in taxonomy.themes:
        assert theme.journey_stages and theme.description
        terms = " ".join(theme.terms["phrases"] + theme.terms["keywords"] + theme.terms["anchors"])
        assert any("\u0600" <= ch <= "\u06ff" for ch in terms), f"{theme.id} has no Arabic terms"


class _HashingEmbedder:
    """A stand-in for an external embedder: word hashing into 64 dimensions (deterministic)."""

    name = "test:hashing-64"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64))
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, zlib.crc32(word.encode()) % 64] += 1.0
        return out


class _BrokenEmbedder:
    name = "test:broken"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        raise ConnectionError("endpoint unreachable")


def test_embedder_is_pluggable_and_falls_back(analysed: Analysed) -> None:
    subset = analysed.verbatims.iloc[:1500]
    plugged = analyse(subset, analysed.interviews, AS_OF, embedder=_HashingEmbedder())
    assert plugged.metadata["embedder"] == "test:hashing-64" and plugged.metadata["embedder_error"] is None
    assert set(plugged.discovered["embedder"]) <= {"test:hashing-64"}
    broken = analyse(subset, analysed.interviews, AS_OF, embedder=_BrokenEmbedder())
    assert broken.metadata["embedder"].startswith("offline:") and broken.metadata["embedder"].endswith("(fallback)")
    assert "ConnectionError" in broken.metadata["embedder_error"]
    pd.testing.assert_frame_equal(broken.assignments, plugged.assignments)  # assignment never depends on it
