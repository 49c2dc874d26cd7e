"""Which language guesser can check a claim's language label, and from what confidence?

    .venv/bin/python benchmarks/claim_language_bench.py

Short claims in both languages, each with its true language: the claim texts of
benchmarks/data/matching_pairs*.jsonl (written for the matching benchmark) and
benchmarks/data/claim_language_short.jsonl (headline-style claims full of names: "Olaf Scholz
trifft Joe Biden in Washington.", "Siemens Energy cuts 4,100 jobs."). For each guesser it prints
accuracy; for the label check (claimtrack.services.claims.language_mismatch) it prints, per
confidence threshold, how many correctly labelled claims would be refused (false alarms: the
fact-checker has to confirm a right label) and how many swapped labels would be caught.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimtrack.extraction.language import detect_language, language_confidence
from claimtrack.matching.prepare import guess_language

DATA = Path(__file__).resolve().parent / "data"


def matching_texts() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for path in sorted(DATA.glob("matching_pairs*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            first, _, second = row["lang"].partition("-")
            seen.setdefault(row["a"], first)
            seen.setdefault(row["b"], second or first)
    return list(seen.items())


def name_texts() -> list[tuple[str, str]]:
    lines = (DATA / "claim_language_short.jsonl").read_text("utf-8").splitlines()
    return [(row["text"], row["lang"]) for row in map(json.loads, lines)]


def main() -> None:
    for title, rows in (("matching benchmark claims", matching_texts()),
                        ("headline-style claims full of names", name_texts())):  # fmt: skip
        measure(title, rows)


def measure(title: str, rows: list[tuple[str, str]]) -> None:
    n = len(rows)
    print(f"{title}: {n} short claims ({sum(lang == 'de' for _, lang in rows)} German)")
    for name, guess in (("function words (matching.prepare)", guess_language),
                        ("lingua de/en (extraction.language)", detect_language)):  # fmt: skip
        wrong = [(t, lang) for t, lang in rows if guess(t) != lang]
        print(f"  {name}: accuracy {1 - len(wrong) / n:.3f} ({len(wrong)} wrong)")
        for text, lang in wrong[:5]:
            print(f"      {lang}: {text}")
    scored = [(text, lang, language_confidence(text)) for text, lang in rows]
    print("  label check with lingua: threshold -> right labels refused / swapped labels caught")
    for threshold in (0.5, 0.8, 0.9, 0.95, 0.98, 0.99):
        refused = sum(1 for _, lang, (g, c) in scored if g != lang and c >= threshold)
        caught = sum(1 for _, lang, (g, c) in scored if g == lang and c >= threshold)
        print(f"    {threshold:.2f}: {refused} of {n} refused, {caught} of {n} caught")


if __name__ == "__main__":
    main()
