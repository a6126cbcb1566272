-- No search reads the trigram index on offer titles (the text search uses the full-text index),
-- and it was the costliest index of an offer insert: a title gives dozens of trigrams.
drop index offer_title_trgm;
