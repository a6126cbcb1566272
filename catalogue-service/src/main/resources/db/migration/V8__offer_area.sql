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
        return null;
    end if;
    insert into offer_search (id, provider_id, status, title, topics, life_phases, target_groups,
        languages, accessibility, modality, cost_kind, district_codes, first_start, last_end,
        search, min_lat, max_lat, min_lon, max_lon)
    values (new.id, new.provider_id, new.status, new.title, new.topics, new.life_phases,
        new.target_groups, new.languages, new.accessibility, new.modality, new.cost_kind,
        new.district_codes, new.first_start, new.last_end,
        offer_search_vector(new.title, new.topics, new.description),
        new.min_lat, new.max_lat, new.min_lon, new.max_lon)
    on conflict (id) do update set provider_id = excluded.provider_id, status = excluded.status,
        title = excluded.title, topics = excluded.topics, life_phases = excluded.life_phases,
        target_groups = excluded.target_groups, languages = excluded.languages,
        accessibility = excluded.accessibility, modality = excluded.modality,
        cost_kind = excluded.cost_kind, district_codes = excluded.district_codes,
        first_start = excluded.first_start, last_end = excluded.last_end,
        search = excluded.search, min_lat = excluded.min_lat, max_lat = excluded.max_lat,
        min_lon = excluded.min_lon, max_lon = excluded.max_lon;
    return null;
end $$;

update offer o set min_lat = a.min_lat, max_lat = a.max_lat, min_lon = a.min_lon,
    max_lon = a.max_lon
from (select offer_id, min(latitude) as min_lat, max(latitude) as max_lat,
             min(longitude) as min_lon, max(longitude) as max_lon
      from offer_session where latitude is not null group by offer_id) a
where a.offer_id = o.id;
