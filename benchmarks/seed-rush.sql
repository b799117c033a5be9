-- Opening-rush data, for a FRESH benchmark database the app has already migrated (Flyway).
-- psql variables: families (count), days (comma-separated ISO days), password (the families' password).
-- Writes benchmarks/target/rush-families.csv (username,child1,child2,activity) for the Gatling feeder.
\set ON_ERROR_STOP on
create extension if not exists pgcrypto;

begin;
-- « Centre de loisirs » as the catalogue would hold it (no demo data in a production-like run),
-- capacity 200 per day: Wednesdays and school holidays, cut-off 2 working days before at noon
insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                      min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays,
                      cutoff_working_days, cutoff_time, required_documents)
values ('CENTRE_LOISIRS', 'Centre de loisirs', 'Accueil de loisirs', 'enfance',
        'Les mercredis et pendant les vacances scolaires, de 8 h à 18 h.', 'DAY',
        'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 200, 3, 12, false, true, true, 2, '12:00', '')
on conflict (code) do update set capacity_per_day = 200;
insert into activity_period (activity_id, label, start_date, end_date)
select id, 'Période du banc d''essai', date '2025-09-01', date '2030-08-31' from activity
where code = 'CENTRE_LOISIRS' and not exists (select 1 from activity_period p where p.activity_id = activity.id);

-- the five chosen days: their counters at capacity 200, nobody booked yet
insert into day_capacity (activity_id, day, capacity, booked)
select a.id, d::date, 200, 0 from activity a, unnest(string_to_array(:'days', ',')) d
where a.code = 'CENTRE_LOISIRS'
on conflict (activity_id, day) do update set capacity = 200;

-- the password hashed ONCE (bcrypt cost 10, as Spring Security's default) and shared by every account
select '{bcrypt}' || crypt(:'password', gen_salt('bf', 10)) as hash \gset

insert into portal_account (username, email, password_hash, status, civility, last_name, first_name, activated_at)
select 'rush' || lpad(g::text, 5, '0'), 'rush' || lpad(g::text, 5, '0') || '@banc-essai.example.org', :'hash',
       'ACTIVE', 'Mme', 'RUSH' || g, 'Parent', now()
from generate_series(1, :families) g;

insert into family_file (number, name, address_line, postal_code, city, account_id)
select 'R' || lpad(g::text, 7, '0'), 'RUSH' || g, g || ' rue du Banc d''essai', '99000', 'Belcourt', a.id
from generate_series(1, :families) g join portal_account a on a.username = 'rush' || lpad(g::text, 5, '0');

insert into guardian (family_file_id, position, civility, last_name, first_name, relationship, email)
select f.id, 1, 'Mme', f.name, 'Parent', 'Mère', a.email
from family_file f join portal_account a on a.id = f.account_id where f.number like 'R%';

insert into child (family_file_id, last_name, first_name, birth_date, sex)
select f.id, f.name, c.first_name, c.birth_date, c.sex
from family_file f, (values ('Aîné', date '2016-05-04', 'M'), ('Cadette', date '2019-09-12', 'F')) c(first_name, birth_date, sex)
where f.number like 'R%';

insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state,
                          decided_at, decided_by)
select c.family_file_id, c.id, a.id, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 'Période du banc d''essai',
       date '2025-09-01', date '2030-08-31', 'VALIDATED', now(), 'banc-essai'
from child c join family_file f on f.id = c.family_file_id, activity a
where f.number like 'R%' and a.code = 'CENTRE_LOISIRS';
commit;

analyze;

\copy (select a.username, min(c.id) as child1, max(c.id) as child2, (select id from activity where code = 'CENTRE_LOISIRS') as activity from portal_account a join family_file f on f.account_id = a.id join child c on c.family_file_id = f.id where a.username like 'rush%' group by a.username order by a.username) to 'target/rush-families.csv' with (format csv, header true)
