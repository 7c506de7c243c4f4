"""The briefs site as organisers see it: headless Chromium renders the index and a brief page.

Chromium comes from Debian's packages (`.ci/run` installs it); the flags keep it off the network."""

import shutil
import subprocess
from pathlib import Path

import pytest

from fieldvoice.briefs import build_briefs, write_site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]  # fmt: skip


def _screenshot(page: Path, out: Path, profile: Path) -> bytes:
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=1200,1600", f"--screenshot={out}",
         page.as_uri()],
        check=True, capture_output=True, timeout=90,
    )  # fmt: skip
    return out.read_bytes()


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_index_and_a_brief_page_render_in_chromium(opportunities, verbatims, figures, tmp_path: Path) -> None:
    index = write_site(
        build_briefs(opportunities, verbatims, figures, client=None, cache=None).briefs, figures, tmp_path
    )
    brief = sorted((index.parent / "briefs").glob("*.html"))[0]
    for page in (index, brief):
        png = _screenshot(page, tmp_path / f"{page.stem}.png", tmp_path / "profile")
        assert png.startswith(b"\x89PNG") and len(png) > 20_000, f"{page.name} rendered blank"
