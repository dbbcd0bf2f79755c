"""The store: one DuckDB file, and the only package that speaks SQL.

`database.py` holds the `Store` (schema, writes, the listings of records); `links.py` the
linking tables; `views.py` what the pages need beyond the listings; `search.py` full-text
search; `sql.py` the pieces of SQL they share.
"""

from quotetrail.store.database import (
    EXPORT_FORMATS,
    EXPORTED_TABLES,
    METADATA,
    SCHEMA_VERSION,
    ArticleQuery,
    Commits,
    StatementQuery,
    Store,
    StoreBusy,
    StoreError,
)
from quotetrail.store.sql import MAX_ROWS

__all__ = [
    "EXPORTED_TABLES",
    "EXPORT_FORMATS",
    "MAX_ROWS",
    "METADATA",
    "SCHEMA_VERSION",
    "ArticleQuery",
    "Commits",
    "StatementQuery",
    "Store",
    "StoreBusy",
    "StoreError",
]
