-- The public list in date order (the order of every search without a text query) reads this index
-- in order and stops after a page, instead of sorting every match.
create index offer_public_by_date on offer ((coalesce(first_start, 'infinity'::timestamptz)), id)
    where status = 'PUBLISHED';
