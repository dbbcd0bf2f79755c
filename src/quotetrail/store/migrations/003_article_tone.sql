-- quotetrail store, schema version 3: each article's document tone (quotetrail.analyze.tone),
-- GDELT-like, on -100 … +100. A secondary signal beside stance; NULL for articles stored before
-- version 3 until they are re-ingested with --reprocess.

ALTER TABLE articles ADD COLUMN tone DOUBLE;
