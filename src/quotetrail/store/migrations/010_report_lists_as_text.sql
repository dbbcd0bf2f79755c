-- quotetrail store, schema version 10: a statement's reports in other articles (`also_in`,
-- `linked`) are kept as JSON text, as its `stance` is. The link stage rewrites both for every
-- statement a batch links or touches, and DuckDB updates a list column by deleting the row and
-- inserting it again, index entries and all: 2,000 statements of a 181,554-statement store took
-- 1.4-1.7 s as lists and 0.02 s as text (docs/scaling.md). The export still writes lists.
-- DuckDB alters a column only of a table no index depends on, so the article index goes and
-- comes back, before the rows change (it is built on no table with changed rows). The ALTER
-- casts without a function (a store killed before its next checkpoint replays it from the
-- write-ahead log, where DuckDB cannot load its functions and tries to download them): a list
-- becomes "[a, b]", which the UPDATE writes as JSON. Ids hold no quote, comma or space.
DROP INDEX IF EXISTS statements_article;
ALTER TABLE statements ALTER COLUMN also_in SET DATA TYPE VARCHAR;
ALTER TABLE statements ALTER COLUMN linked SET DATA TYPE VARCHAR;
ALTER TABLE statements ALTER COLUMN also_in SET DEFAULT '[]';
ALTER TABLE statements ALTER COLUMN linked SET DEFAULT '[]';
CREATE INDEX statements_article ON statements(article_id);
UPDATE statements SET
    also_in = to_json(list_filter(string_split(trim(also_in, '[]'), ', '), lambda x: x <> ''))::VARCHAR,
    linked = to_json(list_filter(string_split(trim(coalesce(linked, '[]'), '[]'), ', '),
        lambda x: x <> ''))::VARCHAR
WHERE also_in <> '[]' OR linked IS DISTINCT FROM '[]';
