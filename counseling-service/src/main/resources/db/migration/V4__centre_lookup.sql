-- Lookup of centres by a part of their name (?q=): case-, accent- and ß-insensitive ("strasse"
-- finds "Straße", "sud" finds "Süd"). unaccent is a trusted extension, as btree_gist is.
create extension if not exists unaccent;

-- The search_path of this migration is kept with the function, so that unaccent and its dictionary
-- are found whoever calls it (and an index on it could be built and maintained later).
create function search_fold(text) returns text
    language sql immutable parallel safe strict
    set search_path from current
    as $$ select lower(unaccent('unaccent'::regdictionary, $1)) $$;
