"""One pair of texts compared the way every screen compares it (CLI, intake, workbench, API).

The embedding cosine is taken on the stored (int8) form of both vectors, so a pair typed into
`claimtrack matching compare` gets the same score as the same two claims in the store.
"""

from __future__ import annotations

from claimtrack.matching.compare import Comparison, compare
from claimtrack.matching.embedding import EmbedderUnavailable, get_embedder, pair_cosine
from claimtrack.matching.prepare import prepare


def compare_texts(
    text_a: str, text_b: str, language: str | None = None
) -> tuple[Comparison, str | None]:
    """The pair's comparison, and a note when the configured model cannot run here (words only)."""
    a, b = prepare(text_a, language), prepare(text_b, language)
    try:
        model = get_embedder()
    except EmbedderUnavailable as exc:
        return compare(a, b), f"words only: {exc}"
    va, vb = model.embed([text_a, text_b])
    return compare(a, b, cosine=pair_cosine(va, vb), model=model.name), None
