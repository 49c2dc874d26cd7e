"""Eight desks editing one claim at once: no edit is lost, every conflict is reported."""

from __future__ import annotations

import threading

from sqlmodel import select

from claimtrack.models import AuditEvent, Claim
from claimtrack.services import claims
from claimtrack.services.errors import EditConflict
from tests.factories import make_claim

THREADS, EDITS = 8, 25


def test_concurrent_edits_lose_nothing(db, session, users):
    claim = make_claim(session, users["fact_checker"])
    actor_id = users["fact_checker"].id
    saved: list[str] = []
    conflicts: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def desk(n: int) -> None:
        start.wait()
        for i in range(EDITS):
            marker = f"t{n}-e{i}"
            try:
                with db.session_scope() as s:
                    version = s.get(Claim, claim.id).version
                with db.session_scope() as s:
                    actor = s.get(type(users["fact_checker"]), actor_id)
                    claims.edit_claim(
                        session=s,
                        actor=actor,
                        claim_id=claim.id,
                        expected_version=version,
                        changes={"claimant": marker},
                    )
                with lock:
                    saved.append(marker)
            except EditConflict:
                with lock:
                    conflicts.append(marker)
            except BaseException as exc:  # any other failure is a lost edit
                errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(saved) + len(conflicts) == THREADS * EDITS
    session.expire_all()
    final = session.get(Claim, claim.id)
    assert final.version == 1 + len(saved)
    edits = session.exec(
        select(AuditEvent).where(
            AuditEvent.action == "claim.edit", AuditEvent.object_id == claim.id
        )
    ).all()
    assert sorted(e.after["claimant"] for e in edits) == sorted(saved)
    print(f"saved={len(saved)} conflicts={len(conflicts)}")
