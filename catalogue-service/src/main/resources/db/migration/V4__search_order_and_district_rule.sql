-- The public list in date order (the order of every search without a text query) reads this index
-- in order and stops after a page, instead of sorting every match.
create index offer_public_by_date on offer ((coalesce(first_start, 'infinity'::timestamptz)), id)
    where status = 'PUBLISHED';

-- The district containing a point, one rule for offers, places, providers and the district API: a
-- point on a shared border, or in overlapping districts, goes to the first by code, so the answer
-- is stable.
create function district_at(lat double precision, lon double precision) returns text
    language sql stable parallel safe
    as $$ select code from district where boundary @> point(lon, lat) order by code limit 1 $$;
