-- Lookup of dialogues by a part of their title or description (?q=): case-, accent- and
-- ß-insensitive ("strasse" finds "Straße", "grun" finds "Grün"). unaccent is a trusted extension.
create extension if not exists unaccent;

-- The search_path of this migration is kept with the function, so that unaccent and its dictionary
-- are found whoever evaluates the indexes later (maintenance runs with a restricted search_path).
create function search_fold(text) returns text
    language sql immutable parallel safe strict
    set search_path from current
    as $$ select lower(unaccent('unaccent'::regdictionary, $1)) $$;

-- Trigram indexes serve "like '%…%'" on the folded texts (combined by a bitmap OR), so the lookup
-- stays an index scan however many dialogues the city has held.
create index dialogue_title_trgm on dialogue using gin (search_fold(title) gin_trgm_ops);
create index dialogue_description_trgm on dialogue using gin (search_fold(description) gin_trgm_ops);
