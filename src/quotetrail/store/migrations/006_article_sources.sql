-- quotetrail store, schema version 6.
-- The other sources of a stored text (issue 19): the same text sent again with another title,
-- URL, outlet or date. The article keeps the metadata it was first stored with, so its id, its
-- statements' spans and its links stay as they are; each other source is recorded here once,
-- as cleaning writes what it states (quotetrail.clean.stated_metadata; NULL: not stated).
CREATE TABLE article_sources (
    article_id VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,  -- the file (and place in it) or URL it came from
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published VARCHAR  -- YYYY-MM-DD
);
CREATE INDEX article_sources_article ON article_sources (article_id);
