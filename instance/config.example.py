# Copy to instance/config.py (or let `claimtrack init` write one) and adjust.
SECRET_KEY = "replace with the output of: python3 -c 'import secrets; print(secrets.token_hex(32))'"

# SQLite in this folder is the default. For PostgreSQL:
# DATABASE_URL = "postgresql+psycopg://claimtrack@db-host:5432/claimtrack"

ORG_NAME = "Example Faktencheck"
# The public address of the reader pages: every absolute link (pages, feeds, exports, API) uses it.
PUBLIC_BASE_URL = "https://factcheck.example.org/"
# The organisation's own site (ClaimReview author); defaults to PUBLIC_BASE_URL.
# ORG_URL = "https://www.example.org/"
DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/"

EXPORTS_PUBLIC = False
API_RATE_LIMIT_PER_MINUTE = 120
SESSION_COOKIE_SECURE = True
