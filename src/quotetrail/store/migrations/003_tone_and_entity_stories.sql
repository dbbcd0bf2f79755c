-- quotetrail store, schema version 3.
-- Each article's document tone (quotetrail.analyze.tone), GDELT-like, on -100 … +100: a
-- secondary signal beside stance; NULL for articles stored before version 3 until they are
-- re-ingested with --reprocess.
ALTER TABLE articles ADD COLUMN tone DOUBLE;

-- The stories each entity was last seen in (the most recent few, newest last): the context
-- that lets a truncated or misspelt name join an entity ("Zamir Kabul" ~ "Zamir Kabulov")
-- without reading the entity's whole history.
ALTER TABLE entities ADD COLUMN stories VARCHAR[] NOT NULL DEFAULT [];
