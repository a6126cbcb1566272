-- Demo centres and the realm's demo counsellors (dev and test only; production registers its
-- own through the admin API).
insert into centre (id, name, street, postal_code, city, latitude, longitude, district,
                    opening_hours, languages, accessibility, topics)
values
    ('10000000-0000-4000-8000-000000000001', 'Bildungsberatung Mitte', 'Marktplatz 1', '01067',
     'Lernstadt', 51.0504, 13.7373, '01', 'Mo-Do 09:00-17:00', '{de,en}',
     '{WHEELCHAIR_ACCESSIBLE}', '{SCHOOL_TO_WORK,REENTRY_INTO_WORK}'),
    ('10000000-0000-4000-8000-000000000002', 'Lernladen Nord', 'Hafenstraße 12', '01127',
     'Lernstadt', 51.0800, 13.7450, '02', 'Di,Do 10:00-18:00', '{de,ar,uk}',
     '{}', '{DAYCARE_TO_SCHOOL,WORK_TO_RETIREMENT}');

-- The realm's demo counsellors: counselor1 in centre 1, counselor2 in centre 2, lead1 leads both.
insert into centre_member (centre_id, subject, lead)
values
    ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000201', false),
    ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000202', false),
    ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000203', true),
    ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000203', true);
