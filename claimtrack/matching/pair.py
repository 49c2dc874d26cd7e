"""One pair of texts compared the way every screen compares it (CLI, intake, workbench, API).

The embedding cosine is taken on the stored (int8) form of both vectors, so a pair typed into
`claimtrack matching compare` gets the same score as the same two claims in the store.
"""

from __future__ import annotations

from claimtrack.matching.compare import DEFAULT_THRESHOLDS, Comparison, Thresholds, compare
from claimtrack.matching.embedding import EmbedderUnavailable, get_embedder, pair_cosine
from claimtrack.matching.prepare import prepare
from claimtrack.text.aliases import AliasTable


def compare_texts(
    text_a: str,
    text_b: str,
    language: str | None = None,
    *,
    aliases: AliasTable | None = None,
    limits: Thresholds = DEFAULT_THRESHOLDS,
) -> tuple[Comparison, str | None]:
    """The pair's comparison, and a note when the configured model cannot run here (words only).

    ``aliases`` and ``limits``: the store's (the desk's aliases over the shipped ones, its
    thresholds; ``services.matching.match.compare_in_store``), so the pair scores as in a search;
    the shipped ones by default.
    """
    a, b = prepare(text_a, language, aliases), prepare(text_b, language, aliases)
    try:
        model = get_embedder()
    except EmbedderUnavailable as exc:
        return compare(a, b, limits), f"words only: {exc}"
    va, vb = model.embed([text_a, text_b])
    return compare(a, b, limits, cosine=pair_cosine(va, vb), model=model.name), None
