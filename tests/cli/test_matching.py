"""`claimtrack match` and `claimtrack matching …` against a real database."""

from __future__ import annotations

import gzip
import json

from claimtrack.cli import main
from claimtrack.services.matching import evaluation as matching_eval
from tests.dbs import pg_server_url
from tests.factories import make_claim

ARREST = "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen."


def invoke(runner, app, *args):
    return runner.invoke(main, list(args), obj={"app": app}, catch_exceptions=False)


def test_match_ranks_stored_claims(runner, app, session, users):
    claim = make_claim(session, users["fact_checker"], ARREST)
    out = invoke(runner, app, "match", "Über 2000 Festnahmen in Alma-Ata bei den Unruhen", "--json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data[0]["claim_id"] == claim.id and {"score", "kind", "conflicts"} <= set(data[0])
    plain = invoke(runner, app, "match", "Leitzins der Zentralbank", "--limit", "3")
    assert plain.exit_code == 0


def test_compare_prints_kind_and_conflict(runner, app):
    out = invoke(runner, app, "matching", "compare", ARREST, ARREST.replace("2.000", "2.700"))
    assert out.exit_code == 0
    assert "kind variant" in out.output and "figure" in out.output
    js = json.loads(invoke(runner, app, "matching", "compare", ARREST, ARREST, "--json").output)
    assert js["kind"] == "same" and js["conflicts"] == []


def test_compare_finds_a_translation_with_the_embedding_and_names_reasons(runner, app):
    german = "Die Entsendung von OVKS-Truppen nach Kasachstan war illegal."
    english = "The deployment of CSTO troops to Kazakhstan was illegal."
    js = json.loads(invoke(runner, app, "matching", "compare", german, english, "--json").output)
    assert js["kind"] == "same", js
    codes = [r["code"] for r in js["reasons"]]
    assert "semantic" in codes and "agree.stance" in codes
    # the same pair, either way round, gets the same score
    back = json.loads(invoke(runner, app, "matching", "compare", english, german, "--json").output)
    assert back["score"] == js["score"]
    text = invoke(runner, app, "matching", "compare", german, english).output
    assert f"score {js['score']:.1f}  kind same" in text


def test_bad_input_is_one_line_on_stderr(runner, app):
    out = runner.invoke(main, ["match", "   "], obj={"app": app})
    assert out.exit_code == 1
    assert out.output.strip().startswith("claimtrack: error:") or "error" in out.stderr


def _write(path, rows, gz=False):
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")


def test_eval_loads_a_temporary_store_and_scores(runner, app, tmp_path):
    cands = [
        {"id": "c1", "text": "Protesters stormed the mayor's office in Almaty and set it on fire.",
         "title": "Almaty mayor's office burned"},
        {"id": "c2", "text": "The central bank raised its key interest rate to 10.25 percent."},
        {"id": "c3", "text": "More than 2,000 people were arrested during the unrest in Kazakhstan."},
    ]  # fmt: skip
    queries = [
        {"query": "Shocking: the mayor's office in Almaty is on fire, protesters stormed it!",
         "relevant_ids": ["c1"]},
        {"query": "over 2000 arrested in kazakhstan unrest", "relevant_ids": ["c3"]},
    ]  # fmt: skip
    _write(tmp_path / "c.jsonl.gz", cands, gz=True)
    _write(tmp_path / "q.jsonl", queries)
    args = ["matching", "eval", str(tmp_path / "c.jsonl.gz"), str(tmp_path / "q.jsonl"),
            "--predictions", str(tmp_path / "p.jsonl"), "--json"]  # fmt: skip
    if pg_server_url():
        args += ["--postgres", pg_server_url()]
    out = invoke(runner, app, *args)
    assert out.exit_code == 0, out.output
    summary = json.loads(out.output)
    assert summary["MAP@1"] == 1.0 and summary["Recall@10"] == 1.0
    preds = matching_eval.read_jsonl(tmp_path / "p.jsonl")
    assert [p["ranked_ids"][0] for p in preds] == ["c1", "c3"]


def test_eval_runs_the_search_with_the_candidates_vectors_and_caches_them(runner, app, tmp_path):
    """A German query sharing no word with its English candidate: found only through the vectors
    the evaluation stores; a second run reads them from the cache instead of the model."""
    cands = [
        {"id": "rate", "text": "The central bank raised its key interest rate by half a point."},
        {"id": "fire", "text": "Protesters stormed the mayor's office in Almaty and set it on fire."},
    ]  # fmt: skip
    queries = [{"query": "Die Notenbank hat den Leitzins um einen halben Prozentpunkt angehoben.",
                "relevant_ids": ["rate"]}]  # fmt: skip
    _write(tmp_path / "c.jsonl", cands)
    _write(tmp_path / "q.jsonl", queries)
    base = ["matching", "eval", str(tmp_path / "c.jsonl"), str(tmp_path / "q.jsonl"), "--json"]
    if pg_server_url():
        base += ["--postgres", pg_server_url()]
    words = json.loads(invoke(runner, app, *base, "--embedder", "none").output)
    assert words["embedder"] == "none" and words["MAP@1"] == 0.0
    cache = ["--vector-cache", str(tmp_path / "vectors")]
    first = json.loads(invoke(runner, app, *base, *cache).output)
    assert first["embedder"] == "e5-small" and first["MAP@1"] == 1.0
    cached = sorted((tmp_path / "vectors").iterdir())
    assert [f.name for f in cached] == ["embeddings-e5-small.sqlite3"]
    again = json.loads(invoke(runner, app, *base, *cache).output)
    assert again["MAP@1"] == 1.0
    bad = runner.invoke(main, [*base, "--embedder", "nope"], obj={"app": app})
    assert bad.exit_code == 1 and "cannot run" in bad.output


def test_calibrate_recluster_threshold(runner, app, session, users):
    make_claim(session, users["fact_checker"], ARREST)
    assert "threshold" in invoke(runner, app, "matching", "calibrate").output
    assert "clusters" in invoke(runner, app, "matching", "recluster").output
    assert (
        "auto_link 95.0" in invoke(runner, app, "matching", "threshold", "auto_link", "95").output
    )
    bad = runner.invoke(main, ["matching", "threshold", "suggest", "99"], obj={"app": app})
    assert bad.exit_code == 1
    assert "indexed 1 claims" in invoke(runner, app, "matching", "reindex").output


def test_embed_fills_pending_vectors_and_reports_progress(runner, app, session, users):
    ids = matching_eval.insert_claims(
        session, users["system"], [matching_eval.LoadItem(ARREST, "de"),
                                   matching_eval.LoadItem("The central bank raised rates.")]
    )  # fmt: skip
    session.commit()
    out = runner.invoke(main, ["matching", "embed", "--batch-size", "1"], obj={"app": app},
                        catch_exceptions=False)  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "embedded 2 claims" in out.stdout and "0 pending" in out.stdout
    assert "1 embedded, 1 pending" in out.stderr
    again = invoke(runner, app, "matching", "embed")
    assert "embedded 0 claims" in again.output
    bad = runner.invoke(main, ["matching", "embed", "--model", "nope"], obj={"app": app})
    assert bad.exit_code == 1 and "unknown embedder" in bad.output
    assert len(ids) == 2
