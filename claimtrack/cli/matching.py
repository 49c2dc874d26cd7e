"""`claimtrack match` and `claimtrack matching …`: thin commands over the matching services.

`matching compare` reads the desk's aliases and thresholds from the database when there is one
(the scores of search and intake use them), and falls back to the shipped ones without it.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.languages import LANGUAGES

from .base import LazyChoice, db_session, echo_json, get_app

if TYPE_CHECKING:
    from claimtrack.db import Database
    from claimtrack.matching.compare import Comparison

LANGUAGE = click.Choice(LANGUAGES)


@click.command("match")
@click.argument("text")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200))
@click.option("--language", type=LANGUAGE, default=None)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def match_cmd(
    ctx: click.Context, text: str, limit: int, language: str | None, as_json: bool
) -> None:
    """Rank stored claims for TEXT, with score, kind and features."""
    from claimtrack.services.matching import match as matching

    with db_session(ctx) as session:
        results = matching.search_text(session, text, language=language, limit=limit)
    if as_json:
        echo_json([asdict(r) for r in results])
        return
    if not results:
        click.echo("No stored claim matches.")
    for r in results:
        why = f"  [{'; '.join(r.conflicts)}]" if r.conflicts else ""
        click.echo(f"{r.score:6.1f}  {r.kind:<9} #{r.claim_id} ({r.status}) {r.text}{why}")


@click.group("matching")
def matching_group() -> None:
    """Compare, evaluate, calibrate and maintain the duplicate-claim matcher."""


@matching_group.command("compare")
@click.argument("text_a")
@click.argument("text_b")
@click.option("--language", type=LANGUAGE, default=None)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def compare_cmd(
    ctx: click.Context, text_a: str, text_b: str, language: str | None, as_json: bool
) -> None:
    """Score, kind and the deciding facts of one pair of texts.

    The same score and kind as intake, the workbench and `claimtrack match` give the pair: the
    configured embedder's cosine (CLAIMTRACK_EMBEDDER) on the stored vector form, the desk's
    aliases and thresholds from the database. Without a database: the shipped ones (said so).
    """
    from claimtrack.matching.reasons import describe

    result, note, tables = _compare(ctx, text_a, text_b, language)
    data = {"score": result.score, "kind": str(result.kind), "conflicts": list(result.conflicts),
            "short": result.short, "reasons": result.reasons,
            "features": result.features, "aliases": tables}  # fmt: skip
    if as_json:
        echo_json(data)
        return
    click.echo(f"score {result.score:.1f}  kind {result.kind}")
    for reason in result.reasons:
        if str(reason["code"]).startswith("conflict."):
            click.echo(f"  {'conflict':<18} {describe(reason)}")
            continue
        params = ", ".join(f"{k}={v}" for k, v in reason.items() if k != "code" and v is not None)
        click.echo(f"  {reason['code']:<18} {params}")
    if result.short:
        click.echo("note      shorter than 8 words: never linked automatically")
    if note:
        click.echo(f"note      {note}")
    if tables == "shipped":
        click.echo("note      no database: the shipped aliases and thresholds only")


def _compare(
    ctx: click.Context, text_a: str, text_b: str, language: str | None
) -> tuple[Comparison, str | None, str]:
    """The pair compared with the store's aliases and thresholds ("store"), or, where no migrated
    database can be read, with the shipped ones ("shipped")."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from claimtrack.config import InsecureConfigError
    from claimtrack.matching.pair import compare_texts
    from claimtrack.services.matching import match as matching

    try:
        url = make_url(get_app(ctx).config["DATABASE_URL"])
        if url.get_backend_name() != "sqlite" or Path(url.database or "").is_file():
            with db_session(ctx, write=False) as session:
                return (*matching.compare_in_store(session, text_a, text_b, language), "store")
    except (InsecureConfigError, SQLAlchemyError):
        pass  # no usable database: the shipped tables, as the note says
    return (*compare_texts(text_a, text_b, language), "shipped")


@matching_group.command("eval")
@click.argument("candidates", type=click.Path(exists=True, dir_okay=False))
@click.argument("queries", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False), help="Write predictions here.")
@click.option("--postgres", metavar="URL", help="Use a temporary database on this server.")
@click.option("--embedder", default=None, metavar="NAME",
              help="Embedder whose vectors take part (default: CLAIMTRACK_EMBEDDER; "
                   "'none': words only).")  # fmt: skip
@click.option("--vector-cache", type=click.Path(file_okay=False),
              help="Keep embedded texts in this folder (a SQLite file per model) for re-runs.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True)
def eval_cmd(
    candidates: str,
    queries: str,
    predictions: str | None,
    postgres: str | None,
    embedder: str | None,
    vector_cache: str | None,
    as_json: bool,
) -> None:
    """Load CANDIDATES into a fresh temporary store, rank them for QUERIES, print metrics.

    Every query runs the product's search (`claimtrack match`): the lexical index and, when an
    embedder can run, the candidates' vectors (embedded once; text + " . " + title) fused.
    """
    from claimtrack.services import users
    from claimtrack.services.matching import evaluation as matching_eval
    from claimtrack.services.matching import match as matching

    model = matching.embedder_or_none(embedder)
    if model is None and embedder not in (None, "none"):
        raise click.ClickException(f"embedder {embedder!r} cannot run here")
    cache = matching_eval.VectorCache(vector_cache, model) if model and vector_cache else None
    cands = matching_eval.read_jsonl(candidates)
    qs = matching_eval.read_jsonl(queries)
    with temporary_store(postgres) as db, db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        result = matching_eval.evaluate(session, actor, cands, qs, embedder=model, cache=cache)
    if predictions:
        with open(predictions, "w", encoding="utf-8") as fh:
            for p in result.predictions:
                fh.write(json.dumps(p) + "\n")
    summary = {**result.metrics, "queries": len(qs), "candidates": len(cands),
               "embedder": result.model or "none",
               "load_seconds": round(result.load_seconds + result.index_seconds, 2),
               "vector_seconds": round(result.vector_seconds, 2),
               "latency_ms_p50": round(result.latency_ms["p50"], 2),
               "latency_ms_p99": round(result.latency_ms["p99"], 2),
               "cpu_ms_p50": round(result.cpu_ms.get("p50", 0.0), 2)}  # fmt: skip
    if as_json:
        echo_json(summary)
        return
    for key in ("MAP@1", "MAP@5", "Recall@10", "MRR", "Success@10"):
        click.echo(f"{key:<11}{summary[key]:.4f}")
    click.echo(f"load {summary['load_seconds']} s for {len(cands)} candidates; vectors "
               f"({summary['embedder']}) {summary['vector_seconds']} s; query "
               f"p50 {summary['latency_ms_p50']} ms, p99 {summary['latency_ms_p99']} ms")  # fmt: skip


@matching_group.command("calibrate")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def calibrate_cmd(ctx: click.Context, as_json: bool) -> None:
    """Precision and recall of "same" per threshold, from the desk's decisions."""
    from claimtrack.services.matching import links as matching_links
    from claimtrack.services.matching import match as matching

    with db_session(ctx) as session:
        rows = matching_links.calibration(session)
        current = matching.thresholds(session)
    if as_json:
        echo_json({"thresholds": asdict(current), "rows": [asdict(r) for r in rows]})
        return
    click.echo(f"current: suggest {current.suggest}, auto_link {current.auto_link}")
    click.echo("threshold  precision  recall  predicted  correct")
    for r in rows:
        p = "-" if r.precision is None else f"{r.precision:.3f}"
        rc = "-" if r.recall is None else f"{r.recall:.3f}"
        click.echo(f"{r.threshold:9.0f}  {p:>9}  {rc:>6}  {r.predicted:9d}  {r.correct:7d}")


@matching_group.command("recluster")
@click.pass_context
def recluster_cmd(ctx: click.Context) -> None:
    """Rebuild all clusters of confirmed "same" claims."""
    from claimtrack.services import users
    from claimtrack.services.matching import links as matching_links

    with db_session(ctx) as session:
        report = matching_links.recluster(session=session, actor=users.system_user(session))
    click.echo(f"{report.clusters} clusters over {report.clustered_claims} claims; "
               f"{report.changed} claims changed cluster; "
               f"{len(report.skipped_links)} links skipped (rejected pairs)")  # fmt: skip


@matching_group.command("embed")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes embedding in parallel.")  # fmt: skip
@click.option("--batch-size", default=256, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--model", default=None, help="Embedder (default: CLAIMTRACK_EMBEDDER).")
@click.option("--queue", "queued", is_flag=True,
              help="Run it as a background job of the workers (progress on the admin page).")  # fmt: skip
@click.pass_context
def embed_cmd(
    ctx: click.Context, workers: int, batch_size: int, model: str | None, queued: bool
) -> None:
    """Embed every claim that has no vector yet (resumable; safe to run twice)."""
    from claimtrack.matching.embedding import EmbedderUnavailable
    from claimtrack.services.matching import embed

    if queued:
        _queue_embedding(ctx, model, workers, batch_size)
        return

    def show(p: embed.EmbedProgress) -> None:
        click.echo(f"{p.model}: {p.embedded} embedded, {p.pending} pending, "
                   f"{p.rate:.0f} claims/s", err=True)  # fmt: skip

    with db_session(ctx) as session:
        try:
            report = embed.embed_pending(
                session, model=model, workers=workers, batch_size=batch_size, progress=show
            )
        except EmbedderUnavailable as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{report.model}: embedded {report.embedded} claims in {report.seconds:.1f} s; "
               f"{report.pending} pending")  # fmt: skip


def _queue_embedding(ctx: click.Context, model: str | None, workers: int, batch: int) -> None:
    from claimtrack.jobs import queue_for
    from claimtrack.matching.embedding import EmbedderUnavailable
    from claimtrack.services import users
    from claimtrack.services.matching import embed_job

    with db_session(ctx) as session:
        try:
            submitted = embed_job.request_embedding(
                session=session, actor=users.system_user(session), model=model,
                workers=workers, batch_size=batch,
            )  # fmt: skip
        except EmbedderUnavailable as exc:
            raise click.ClickException(str(exc)) from None
        job = submitted.job
        if submitted.dispatch:
            queue_for(get_app(ctx)).dispatch_job(job.id or 0)
        click.echo(f"job {job.id} ({job.state}): {job.done} of {job.total} embedded; "
                   "progress on the admin matching page")  # fmt: skip


@matching_group.command("reindex")
@click.pass_context
def reindex_cmd(ctx: click.Context) -> None:
    """Rebuild the matching index of every claim (after alias changes)."""
    from claimtrack.services import users
    from claimtrack.services.matching import admin as matching_admin

    with db_session(ctx) as session:
        count = matching_admin.rebuild_index(session=session, actor=users.system_user(session))
    click.echo(f"indexed {count} claims")


@matching_group.command("decide")
@click.argument("link_id", type=int)
@click.argument("decision", type=LazyChoice("claimtrack.services.matching.links:DECISIONS"))
@click.pass_context
def decide_cmd(ctx: click.Context, link_id: int, decision: str) -> None:
    """Confirm a suggested link as same/variant/related, or reject it."""
    from claimtrack.services import users
    from claimtrack.services.matching import links as matching_links

    with db_session(ctx) as session:
        link = matching_links.decide_link(
            session=session, actor=users.system_user(session), link_id=link_id,
            decision=decision,
        )  # fmt: skip
    click.echo(f"link {link.id}: {link.state} {link.kind}")


@matching_group.command("alias")
@click.argument("spelling")
@click.argument("canonical")
@click.option(
    "--kind", type=LazyChoice("claimtrack.services.matching.admin:ALIAS_KINDS"), default="org"
)
@click.pass_context
def alias_cmd(ctx: click.Context, spelling: str, canonical: str, kind: str) -> None:
    """Declare SPELLING equal to CANONICAL (then run `matching reindex`)."""
    from claimtrack.services import users
    from claimtrack.services.matching import admin as matching_admin

    with db_session(ctx) as session:
        matching_admin.add_alias(session=session, actor=users.system_user(session),
                                 spelling=spelling, canonical=canonical, kind=kind)  # fmt: skip
    click.echo(f"{spelling} = {canonical}")


@matching_group.command("threshold")
@click.argument("name", type=LazyChoice("claimtrack.services.matching.match:THRESHOLD_NAMES"))
@click.argument("value", type=float)
@click.pass_context
def threshold_cmd(ctx: click.Context, name: str, value: float) -> None:
    """Set one threshold (0-100)."""
    from claimtrack.services import users
    from claimtrack.services.matching import admin as matching_admin

    with db_session(ctx) as session:
        t = matching_admin.set_threshold(session=session, actor=users.system_user(session),
                                         name=name, value=value)  # fmt: skip
    click.echo(", ".join(f"{k} {v}" for k, v in asdict(t).items()))


@contextmanager
def temporary_store(postgres_url: str | None) -> Iterator[Database]:
    """A migrated empty database that is removed afterwards (SQLite file, or a PG database)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from claimtrack import migrate
    from claimtrack.db import Database

    if postgres_url is None:
        with tempfile.TemporaryDirectory(prefix="claimtrack-eval-") as tmp:
            db = Database(f"sqlite:///{Path(tmp) / 'eval.sqlite'}")
            migrate.upgrade(db.engine)
            try:
                yield db
            finally:
                db.dispose()
        return
    name = f"claimtrack_eval_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(make_url(postgres_url).set(database=name).render_as_string(hide_password=False))
    try:
        migrate.upgrade(db.engine)
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
