-- quotetrail store, schema version 9: the indexes on story_terms and article_bands go. Linking
-- reads both tables only by the set of a batch (its probe terms, its LSH bands, its stories):
-- hash joins and list filters, which no ART index serves, and no page reads them; yet every
-- checkpoint wrote the indexes again (into a store of 100,000 articles the commit of a batch
-- of 1,000 took 0.32-1.58 s with them, 0.11-0.69 s without; docs/scaling.md).
DROP INDEX IF EXISTS story_terms_term;
DROP INDEX IF EXISTS story_terms_story;
DROP INDEX IF EXISTS article_bands_band;
