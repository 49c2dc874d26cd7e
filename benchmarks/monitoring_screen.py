"""Does monitoring's cheap screen let through every sentence that repeats a published claim?

    .venv/bin/python benchmarks/monitoring_screen.py [--data benchmarks/data/matching_pairs.jsonl
        --data benchmarks/data/matching_pairs_fresh.jsonl] [--verbose]

The screen (``claimtrack/services/monitoring/screen.py``) decides with use-m3 and the pair
decision which candidate sentences of a story go through the full matcher (e5-small). A sentence
it stops can never raise an alert, so it must stop no sentence that is the same claim as, or a
variant of, a published one. For every pair of the pairs sets that is *alert-worthy* (labelled
same or variant, or decided same or variant by the pair decision with the e5 cosine, which is what
the full matcher decides), each side is screened as a story sentence:

- **alone**: the other side is the only published claim;
- **in the crowd**: every other text of the sets is published (≈ 300 claims on the same few news
  stories, many of them variants of each other), so the pair's claim competes for the screen's
  ``NEAREST`` places.

It also prints how many of the *other* pairs' sentences pass alone (the screen's cost: each one
passed is matched in full), the sentences of ``monitoring_bench.py``'s stories that pass against
its checked claims, and the CPU the screen takes a sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimtrack.extraction import Candidate  # noqa: E402
from claimtrack.matching.compare import compare  # noqa: E402
from claimtrack.matching.embedding import get_embedder, stored_form  # noqa: E402
from claimtrack.matching.prepare import prepare  # noqa: E402
from claimtrack.services.monitoring import screen  # noqa: E402
from claimtrack.text.aliases import AliasTable  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
ALERT = ("same", "variant")


def sentence(text: str, language: str) -> Candidate:
    return Candidate(text=text, score=1.0, reasons=(), claimant=None, claimant_kind="unnamed",
                     cue=None, language=language)  # fmt: skip


def sides(pair: dict[str, str]) -> tuple[str, str]:
    lang = pair.get("lang") or "de"
    first, _, second = lang.partition("-")
    return first, second or first


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", default=[])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    files = args.data or [
        str(DATA / "matching_pairs.jsonl"),
        str(DATA / "matching_pairs_fresh.jsonl"),
    ]
    lines = [line for f in files for line in Path(f).read_text(encoding="utf-8").splitlines()]
    pairs = [json.loads(line) for line in lines if line.strip()]
    use, e5 = get_embedder(screen.MODEL), get_embedder("e5-small")
    aliases = AliasTable.default()
    texts = list(dict.fromkeys(t for p in pairs for t in (p["a"], p["b"])))
    vectors = dict(zip(texts, stored_form(e5.embed(texts)), strict=True))
    language = {}
    for p in pairs:
        la, lb = sides(p)
        language.setdefault(p["a"], la)
        language.setdefault(p["b"], lb)
    worthy, other = [], []
    for p in pairs:
        la, lb = sides(p)
        decided = compare(prepare(p["a"], la, aliases), prepare(p["b"], lb, aliases),
                          cosine=float(vectors[p["a"]] @ vectors[p["b"]]), model=e5.name)  # fmt: skip
        (worthy if p["kind"] in ALERT or str(decided.kind) in ALERT else other).append(p)

    def screened(text: str, published: list[str]) -> bool:
        key = [(n + 1, t, language[t]) for n, t in enumerate(published)]
        sieve = screen.Screen(use, screen.published_set(use, key, aliases))
        return sieve.needs_matching([sentence(text, language[text])])[0]

    missed_alone, missed_crowd = [], []
    for p in worthy:
        for x, y in ((p["a"], p["b"]), (p["b"], p["a"])):
            if not screened(x, [y]):
                missed_alone.append((x, y))
            if not screened(x, [t for t in texts if t != x]):
                missed_crowd.append((x, y))
    passed_other = sum(
        screened(x, [y]) for p in other for x, y in ((p["a"], p["b"]), (p["b"], p["a"]))
    )
    print(f"{len(pairs)} pairs: {len(worthy)} alert-worthy (same/variant by label or by the e5 "
          f"decision), {len(other)} others")  # fmt: skip
    print(f"alert-worthy sentences stopped by the screen: alone {len(missed_alone)} of "
          f"{2 * len(worthy)}, in the crowd of {len(texts) - 1} published claims "
          f"{len(missed_crowd)} of {2 * len(worthy)}")  # fmt: skip
    print(
        f"other pairs' sentences let through (matched in full): {passed_other} of {2 * len(other)}"
    )
    if args.verbose:
        for x, y in missed_alone + missed_crowd:
            print(f"  STOPPED: {x}\n     vs: {y}")

    import monitoring_bench as mb

    checked = [(n + 1, mb.checked_text(n), "de") for n in range(40)]
    sieve = screen.Screen(use, screen.published_set(use, checked, aliases))
    story = [*mb.FILLER, *(f"Bis zum Abend zählten die Behörden {n * 3 + 11} Festnahmen in der Region."
                           for n in range(10)),
             *(f"{mb.PLACES[n % 8]}, {1 + n % 28}. November: Bericht {n} unseres Korrespondenten."
               for n in range(10))]  # fmt: skip
    repeats = [mb.checked_text(n).rstrip(".") + ", sagte ein Sprecher." for n in range(40)]
    flags = sieve.needs_matching([sentence(t, "de") for t in story])
    rflags = sieve.needs_matching([sentence(t, "de") for t in repeats])
    print(f"benchmark stories: {sum(flags)} of {len(story)} other sentences and {sum(rflags)} of "
          f"{len(repeats)} repeats of checked claims let through")  # fmt: skip
    cands = [sentence(t, "de") for t in story + repeats]
    started = time.process_time()
    for _ in range(5):
        sieve.needs_matching(cands)
    per = (time.process_time() - started) / (5 * len(cands)) * 1000
    print(f"screen CPU: {per:.2f} ms a sentence (use-m3 + pair decisions, 40 published claims)")


if __name__ == "__main__":
    main()
