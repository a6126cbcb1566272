-- The box (in degrees) around the located sessions of an offer, so that a radius search skips the
-- offers whose sessions all lie far away without reading their sessions: only the offers whose box
-- reaches the circle are checked session by session. Null without a located session.
alter table offer
    add column min_lat double precision,
    add column max_lat double precision,
    add column min_lon double precision,
    add column max_lon double precision;
alter table offer_search
    add column min_lat double precision,
    add column max_lat double precision,
    add column min_lon double precision,
    add column max_lon double precision;

create or replace function offer_search_keep() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE' then
        delete from offer_search where id = old.id;
    elsif tg_op = 'INSERT' then
        insert into offer_search (id, provider_id, status, title, topics, life_phases,
            target_groups, languages, accessibility, modality, cost_kind, district_codes,
            first_start, last_end, search, min_lat, max_lat, min_lon, max_lon)
        values (new.id, new.provider_id, new.status, new.title, new.topics, new.life_phases,
            new.target_groups, new.languages, new.accessibility, new.modality, new.cost_kind,
            new.district_codes, new.first_start, new.last_end,
            offer_search_vector(new.title, new.topics, new.description),
            new.min_lat, new.max_lat, new.min_lon, new.max_lon);
    else
        -- The vector is computed again only when its text changed (not for a status change).
        update offer_search set provider_id = new.provider_id, status = new.status,
            title = new.title, topics = new.topics, life_phases = new.life_phases,
            target_groups = new.target_groups, languages = new.languages,
            accessibility = new.accessibility, modality = new.modality,
            cost_kind = new.cost_kind, district_codes = new.district_codes,
            first_start = new.first_start, last_end = new.last_end,
            search = case when (new.title, new.topics, new.description)
                                is not distinct from (old.title, old.topics, old.description)
                          then search
                          else offer_search_vector(new.title, new.topics, new.description) end,
            min_lat = new.min_lat, max_lat = new.max_lat, min_lon = new.min_lon,
            max_lon = new.max_lon
        where id = new.id;
    end if;
    return null;
end $$;

update offer o set min_lat = a.min_lat, max_lat = a.max_lat, min_lon = a.min_lon,
    max_lon = a.max_lon
from (select offer_id, min(latitude) as min_lat, max(latitude) as max_lat,
             min(longitude) as min_lon, max(longitude) as max_lon
      from offer_session where latitude is not null group by offer_id) a
where a.offer_id = o.id;
