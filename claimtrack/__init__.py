"""claimtrack: claims, verdicts, sources and duplicate matching for fact-checking desks.

Kept empty on purpose: `import claimtrack.text` (or `.matching`, `.extraction`) must not load Flask or
SQLModel. The app factory is `claimtrack.app.create_app`.
"""

from claimtrack import _native

# The compiled reading modules, when a build of exactly the current sources exists (mypyc).
_native.install()
