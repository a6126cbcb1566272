-- Relevance puts the offers whose title holds every word of a search first, soonest first, then
-- those that hold the words elsewhere (topics, description), soonest first. The title's words get
-- a column of their own: its statistics tell the planner how many titles hold a word, so a word
-- in many titles is answered by reading offers in date order until a page is full, and a word in
-- few titles from this index.
alter table offer_search add column title_search tsvector;
update offer_search s set title_search = to_tsvector('lernstadt_german', o.title)
from offer o where o.id = s.id;
alter table offer_search alter column title_search set not null;
create index offer_search_title on offer_search using gin (title_search);

create or replace function offer_search_added() returns trigger
    language plpgsql
    as $$
begin
    insert into offer_search (id, provider_id, status, title, topics, life_phases, target_groups,
        languages, accessibility, modality, cost_kind, district_codes, first_start, last_end,
        search, title_search, min_lat, max_lat, min_lon, max_lon)
    select n.id, n.provider_id, n.status, n.title, n.topics, n.life_phases, n.target_groups,
        n.languages, n.accessibility, n.modality, n.cost_kind, n.district_codes, n.first_start,
        n.last_end, offer_search_vector(n.title, n.topics, n.description),
        to_tsvector('lernstadt_german', n.title), n.min_lat, n.max_lat, n.min_lon, n.max_lon
    from new_rows n;
    return null;
end $$;

create or replace function offer_search_changed() returns trigger
    language plpgsql
    as $$
begin
    -- The vectors are computed again only when their text changed (not for a status change).
    update offer_search s set provider_id = n.provider_id, status = n.status, title = n.title,
        topics = n.topics, life_phases = n.life_phases, target_groups = n.target_groups,
        languages = n.languages, accessibility = n.accessibility, modality = n.modality,
        cost_kind = n.cost_kind, district_codes = n.district_codes, first_start = n.first_start,
        last_end = n.last_end,
        search = case when (n.title, n.topics, n.description)
                           is not distinct from (o.title, o.topics, o.description)
                      then s.search
                      else offer_search_vector(n.title, n.topics, n.description) end,
        title_search = case when n.title is not distinct from o.title
                            then s.title_search
                            else to_tsvector('lernstadt_german', n.title) end,
        min_lat = n.min_lat, max_lat = n.max_lat, min_lon = n.min_lon, max_lon = n.max_lon
    from new_rows n join old_rows o on o.id = n.id
    where s.id = n.id;
    return null;
end $$;
