-- quotetrail store, schema version 4.
-- Provisional siblings (quotetrail.link.stories): a story opened by an article whose join to
-- another story was not sure. Its one article (seed) is listed in that story (sibling_of) until
-- a second article joins the sibling; parent_size is the parent's size when the sibling opened.
-- norm is the length of the sum of the members' weighed unit vectors (the mean similarity of an
-- article to the members is its centroid cosine x norm / size); stories stored before version 4
-- get their size, the bound that makes that mean the cosine itself.
ALTER TABLE stories ADD COLUMN norm DOUBLE;
UPDATE stories SET norm = size;
ALTER TABLE stories ADD COLUMN sibling_of VARCHAR;
ALTER TABLE stories ADD COLUMN seed VARCHAR;
ALTER TABLE stories ADD COLUMN parent_size INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stories_sibling_of ON stories (sibling_of);
