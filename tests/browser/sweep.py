"""Every desk, admin and reader page, for the layout sweep and the screenshots.

`page_ids(session)` loads the demo data and picks the records the page paths need; `PAGES` lists
(name, path template, who may see it); `overflow`, `foreign_words` and `axe_in_page` are the checks
run on each page at every width and in both languages (tests/browser/test_layout_sweep.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from claimtrack.models import Claim, ClaimLink, ClaimStatus, LinkState, Story, User
from claimtrack.models.verdicts import RatingLabel, Verdict, VerdictRevision
from claimtrack.services.demo import load_demo

WIDTHS = (390, 768, 1280)
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"

# (screenshot name, path, "reader" | "desk")
PAGES: list[tuple[str, str, str]] = [
    ("home", "/", "reader"),
    ("home-filtered", "/?rating=falsch", "reader"),
    ("search", "/search?q={search}", "reader"),
    ("search-empty", "/search", "reader"),
    ("verdict", "/claims/{published}", "reader"),
    ("verdict-corrected", "/claims/{corrected}", "reader"),
    ("report", "/claims/{published}/report", "reader"),
    ("methodology", "/methodology", "reader"),
    ("corrections", "/corrections", "reader"),
    ("login", "/login", "reader"),
    ("not-found", "/no-such-page", "reader"),
    ("desk-queue", "/desk/", "desk"),
    ("desk-queue-filtered", "/desk/?status=in_research", "desk"),
    ("desk-intake", "/desk/intake", "desk"),
    ("desk-intake-story", "/desk/intake/stories/{story}", "desk"),
    ("desk-claim", "/desk/claims/{claim}", "desk"),
    ("desk-claim-published", "/desk/claims/{published}", "desk"),
    ("desk-claim-variant", "/desk/claims/{variant}", "desk"),
    ("desk-proposals", "/desk/proposals", "desk"),
    ("desk-verdict-editor", "/desk/claims/{claim}/verdict", "desk"),
    ("desk-verdict-published", "/desk/claims/{published}/verdict", "desk"),
    ("desk-verdict-history", "/desk/claims/{corrected}/verdict/history", "desk"),
    ("desk-reports", "/desk/reports", "desk"),
    ("admin", "/admin/", "desk"),
    ("admin-users", "/admin/users", "desk"),
    ("admin-user", "/admin/users/{user}", "desk"),
    ("admin-tokens", "/admin/tokens", "desk"),
    ("admin-ratings", "/admin/ratings", "desk"),
    ("admin-rating", "/admin/ratings/{label}", "desk"),
    ("admin-matching", "/admin/matching", "desk"),
    ("admin-audit", "/admin/audit", "desk"),
    ("account", "/account", "desk"),
]

# Words that give away the other UI language in chrome. Content in the other language must sit in
# an element with its own `lang`, which the check skips. Names (people, outlets) are not listed.
FOREIGN_WORDS = {
    "de": [
        "the",
        "and",
        "with",
        "claim",
        "claims",
        "search",
        "sources",
        "published",
        "rating",
        "verdict",
        "verdicts",
        "queue",
        "users",
        "save",
        "cancel",
        "true",
        "false",
        "not",
        "found",
        "page",
        "reader",
        "intake",
        "appeared",
        "related",
        "variant",
        "log",
        # the matcher's conflict lines, as they read before they were said in the page's language
        "vs",
        "figure",
        "place",
        "date",
        "polarity",
        "negation",
        "month",
        "more",
        "than",
        "people",
        "arrests",
        "deaths",
        "arrested",
        "killed",
        "proposal",
        "proposes",
    ],
    "en": [
        "und",
        "der",
        "nicht",
        "oder",
        "für",
        "über",
        "mit",
        "behauptung",
        "behauptungen",
        "bewertung",
        "quellen",
        "suche",
        "veröffentlicht",
        "seite",
        "anmelden",
        "speichern",
        "abbrechen",
        "richtig",
        "falsch",
        "benutzer",
        "prüfung",
        "faktencheck",
        "zurück",
        "gegenüber",
        "zahl",
        "ort",
        "verneinung",
        "festgenommen",
        "getötet",
        "empfehlung",
        "empfiehlt",
    ],
}

_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  if (document.documentElement.scrollWidth > width + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && getComputedStyle(el).position !== 'fixed') {
        let inScroller = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
        }
        if (!inScroller) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + Math.round(r.right));
      }
      if (wide.length > 4) break;
    }
    if (!wide.length) wide.push('document ' + document.documentElement.scrollWidth);
  }
  return wide;
}"""

# Text nodes and labelling attributes whose nearest `lang` is the page's language.
_TEXTS_JS = """(pageLang) => {
  const out = [];
  const own = (el) => (el.closest('[lang]') || document.documentElement).getAttribute('lang') === pageLang;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script,style,template,[translate=no],[aria-hidden=true]')) continue;
    if (!el.checkVisibility || !el.checkVisibility() ) continue;
    if (own(el) && n.textContent.trim()) out.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
    if (!own(el) || el.closest('[translate=no]')) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}"""


def page_ids(session: Session) -> dict[str, Any]:
    """Load the demo data; the ids and search term the page paths need."""
    load_demo(session)
    session.commit()
    published = session.exec(
        select(Claim).where(Claim.status == ClaimStatus.PUBLISHED).order_by(col(Claim.id))
    ).all()

    corrected = session.exec(
        select(Verdict.claim_id)
        .join(VerdictRevision, col(VerdictRevision.verdict_id) == Verdict.id)
        .where(VerdictRevision.kind == "correction", VerdictRevision.public)
    ).first()
    claim = session.exec(
        select(Claim.id)
        .where(Claim.status != ClaimStatus.PUBLISHED)
        .order_by(
            col(Claim.status).in_([ClaimStatus.IN_RESEARCH, ClaimStatus.IN_REVIEW]).desc(),
            col(Claim.id),
        )
    ).first()
    story = session.exec(select(Story.id).order_by(col(Story.id))).first()
    user = session.exec(
        select(User.id).where(User.role == "fact_checker").order_by(col(User.id))
    ).first()
    label = session.exec(select(RatingLabel.id).order_by(col(RatingLabel.id))).first()
    first = published[0]
    variant = _proposed_variant(session)
    return {
        "published": first.id,
        "corrected": corrected or first.id,
        "claim": claim,
        "story": story,
        "user": user,
        "label": label,
        "variant": variant,
        "search": (first.text.split(".")[0])[:80],
    }


def _proposed_variant(session: Session) -> int:
    """A claim whose open suggestion has conflicts (figures, places, dates), with a fact-checker's
    proposal on it: the workbench then shows conflict lines and a proposal, and the list of
    proposals has a row."""
    from claimtrack.services.matching import links

    found = [
        lk
        for lk in session.exec(
            select(ClaimLink)
            .where(ClaimLink.state == LinkState.SUGGESTED)
            .order_by(col(ClaimLink.id))
        )
        if (lk.features or {}).get("conflicts")
    ]
    assert found, "the demo has no suggestion with a conflict"
    checker = session.exec(select(User).where(User.role == "fact_checker")).first()
    links.propose_link(session=session, actor=checker, link_id=found[0].id, kind="variant",
                       note="Andere Zahl, gleiches Ereignis.")  # fmt: skip
    return found[0].claim_a_id


def overflow(page: Any) -> list[str]:
    """Elements reaching past the viewport's right edge (outside a scrolling box)."""
    return list(page.evaluate(_OVERFLOW_JS))


def foreign_words(page: Any, lang: str) -> list[str]:
    """Words of the other UI language in text that claims to be in `lang`."""
    words = set(FOREIGN_WORDS[lang])
    found: list[str] = []
    for text in page.evaluate(_TEXTS_JS, lang):
        for word in re.findall(r"[^\W\d_]+", text):
            if word.lower() in words:
                found.append(f"{word} in {text.strip()[:60]!r}")
    return found


def axe_in_page(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's WCAG 2 A/AA violations with one of `impacts`. axe is evaluated through the
    DevTools protocol, which the page's CSP does not govern, so the same strict page is checked."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    found = []
    for violation in result["violations"]:
        if violation.get("impact") in impacts:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{violation['id']} ({violation['impact']}): {'; '.join(targets)}")
    return found
