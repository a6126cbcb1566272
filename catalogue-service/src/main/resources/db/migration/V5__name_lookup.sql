-- Lookup of providers and learning places by a part of their name (?q=): case-, accent- and
-- ß-insensitive ("muller" and "MÜLLER" find "Müller", "strasse" finds "Straße").
-- The search_path of this migration is kept with the function, so that unaccent and its dictionary
-- are found whoever evaluates the index later (maintenance runs with a restricted search_path).
create function search_fold(text) returns text
    language sql immutable parallel safe strict
    set search_path from current
    as $$ select lower(unaccent('unaccent'::regdictionary, $1)) $$;

-- Trigram indexes serve "like '%…%'" on the folded names, so the lookup stays an index scan with
-- thousands of entries.
create index provider_name_trgm on provider using gin (search_fold(name) gin_trgm_ops);
create index learning_place_name_trgm on learning_place using gin (search_fold(name) gin_trgm_ops);
