-- quotetrail store, schema version 5: following the news (issue 21).
-- fetches: the fetch log (quotetrail.fetch), one row per URL. etag / last_modified make the
-- next request conditional; body keeps a feed, sitemap or robots.txt so a 304 can be answered
-- from it; content_id is the article a page gave; done: never fetched again (its document was
-- handled by ingest, or it failed for good).
CREATE TABLE fetches (
    url VARCHAR PRIMARY KEY,
    status INTEGER NOT NULL,
    fetched_at VARCHAR NOT NULL,  -- ISO time, UTC
    etag VARCHAR,
    last_modified VARCHAR,
    body BLOB,
    content_id VARCHAR,
    reason VARCHAR,
    done BOOLEAN NOT NULL DEFAULT false
);
-- alerts: every event an alert rule saw, by its stable key, so none is told twice. told is
-- false for the events already there when a rule first looked (they are the baseline, not news).
CREATE TABLE alerts (
    key VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    raised VARCHAR NOT NULL,  -- ISO time, UTC
    told BOOLEAN NOT NULL,
    alert VARCHAR NOT NULL
);
CREATE INDEX alerts_raised ON alerts (raised);
