"""Does monitoring's cheap screen let through every sentence that repeats a published claim?

    .venv/bin/python benchmarks/monitoring_screen.py [--data benchmarks/data/matching_pairs.jsonl
        --data benchmarks/data/matching_pairs_fresh.jsonl] [--verbose]

The screen (``claimtrack/services/monitoring/screen.py``) decides with use-m3 and the pair
decision which candidate sentences of a story go through the full matcher (e5-small). A sentence
it stops can never raise an alert, so it must stop no sentence that the full matcher would call
the same claim as, or a variant of, a published one. Over every pairs set
(``benchmarks/data/matching_pairs*.jsonl`` by default), each side of every pair that the pair
decision with the e5 cosine calls same or variant (what the full matcher decides) is screened as a
story sentence:

- **alone**: the other side is the only published claim;
- **in the crowd**: every other text of the sets is published (several hundred claims on the same
  few news stories, many of them variants of each other), so the pair's claim competes for the
  screen's ``NEAREST`` places.

Pairs labelled same or variant that the e5 decision does not find either are counted apart: the
screen stopping one of them loses no alert the full matcher would raise.

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
from claimtrack.matching.embedding import get_embedder, stored_cosine, stored_form  # noqa: E402
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
    files = args.data or [str(f) for f in sorted(DATA.glob("matching_pairs*.jsonl"))]
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
    found, labelled, other = [], [], []  # e5 says same/variant; only the label does; neither
    for p in pairs:
        la, lb = sides(p)
        decided = compare(prepare(p["a"], la, aliases), prepare(p["b"], lb, aliases),
                          cosine=stored_cosine(vectors[p["a"]], vectors[p["b"]]), model=e5.name)  # fmt: skip
        group = found if str(decided.kind) in ALERT else labelled if p["kind"] in ALERT else other
        group.append(p)

    ids = {t: n + 1 for n, t in enumerate(texts)}
    everything = screen.published_set(use, [(ids[t], t, language[t]) for t in texts], aliases)

    def screened(text: str, published: list[str]) -> bool:
        key = [(ids[t], t, language[t]) for t in published]
        sieve = screen.Screen(use, screen.published_set(use, key, aliases, everything))
        return sieve.needs_matching([sentence(text, language[text])])[0]

    def both_ways(group: list[dict[str, str]]) -> list[tuple[str, str]]:
        return [xy for p in group for xy in ((p["a"], p["b"]), (p["b"], p["a"]))]

    def stopped(group: list[dict[str, str]], crowd: bool = False) -> list[tuple[str, str]]:
        return [(x, y) for x, y in both_ways(group)
                if not screened(x, [t for t in texts if t != x] if crowd else [y])]  # fmt: skip

    lost, lost_crowd, missed = stopped(found), stopped(found, crowd=True), stopped(labelled)
    passed_other = sum(screened(x, [y]) for x, y in both_ways(other))
    print(f"{len(pairs)} pairs in {len(files)} files: {len(found)} decided same/variant by the full "
          f"(e5) decision, {len(labelled)} more labelled same/variant, {len(other)} others")  # fmt: skip
    print(f"alerts the screen would lose (sentences of e5-same/variant pairs stopped): alone "
          f"{len(lost)} of {2 * len(found)}, in the crowd of {len(texts) - 1} published claims "
          f"{len(lost_crowd)} of {2 * len(found)}")  # fmt: skip
    print(f"labelled same/variant but not found by the full decision either: {len(missed)} of "
          f"{2 * len(labelled)} sentences stopped (no alert lost: e5 raises none)")  # fmt: skip
    print(
        f"other pairs' sentences let through (matched in full): {passed_other} of {2 * len(other)}"
    )
    if args.verbose:
        for x, y in lost + lost_crowd + missed:
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
    for _ in range(5):  # a fresh set each time: no sentence remembered from the round before
        fresh = screen.Screen(use, screen.published_set(use, checked, aliases, sieve._published))
        fresh.needs_matching(cands)
    per = (time.process_time() - started) / (5 * len(cands)) * 1000
    print(f"screen CPU: {per:.2f} ms a sentence (use-m3 + pair decisions, 40 published claims)")


if __name__ == "__main__":
    main()
