-- What the live consumer has touched and not yet recomputed: a computation for a district
-- ('' when the district is unknown: the city only) and a year. The consumer marks in the
-- transaction of the event; the recompute takes marks with SKIP LOCKED and deletes them in its own.
create table dirty_cell (
    computation text    not null,
    district    text    not null,
    year        integer not null,
    marked_at   timestamptz not null default clock_timestamp(),
    primary key (computation, district, year)
);
