-- Billing-run data, for a FRESH benchmark database the app has already migrated (Flyway).
-- psql variables: families (count), month (yyyy-MM, the month billed: it must have ended or be the current one).
-- N family files with a guardian (the e-mail the « nouvelle facture » goes to), 1.5 children on
-- average (odd files two, even files one), 15 BOOKED days of « Centre de loisirs » per child in
-- that month (its first 15 working days), a quotient familial for 9 files in 10 spread over the
-- three brackets (the tenth pays the top bracket and its invoice says why), and the activity's
-- tariff grid (3 brackets × 3 sibling ranks, as the demo catalogue has it). Attendance: the month's
-- day sheets, closed, each booked child ticked present, except one child in 20 absent with a
-- justification on its 3rd and 4th booked days (not billed, the default rule) and one in 20 absent
-- without on its 5th (billed).
\set ON_ERROR_STOP on

begin;
insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                      min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays,
                      cutoff_working_days, cutoff_time, required_documents)
values ('CENTRE_LOISIRS', 'Centre de loisirs', 'Accueil de loisirs', 'enfance',
        'Les mercredis et pendant les vacances scolaires, de 8 h à 18 h.', 'DAY',
        'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 100000, 3, 12, false, true, true, 2, '12:00', '')
on conflict (code) do update set capacity_per_day = 100000;
insert into activity_period (activity_id, label, start_date, end_date)
select id, 'Période du banc d''essai', date '2025-09-01', date '2030-08-31' from activity
where code = 'CENTRE_LOISIRS' and not exists (select 1 from activity_period p where p.activity_id = activity.id);

-- the grid: 0–700, 701–1200, 1201 and more × ranks 1, 2, 3 and more
insert into activity_tariff (activity_id, valid_from, qf_min, qf_max, sibling_rank, unit_price, created_by)
select a.id, date '2025-09-01', g.qf_min, g.qf_max, g.rank, g.price, 'banc-essai'
from activity a, (values (0, 700, 1, 4.50), (0, 700, 2, 4.00), (0, 700, 3, 3.50),
                         (701, 1200, 1, 9.00), (701, 1200, 2, 8.00), (701, 1200, 3, 7.00),
                         (1201, null, 1, 14.00), (1201, null, 2, 12.50), (1201, null, 3, 11.00))
                 g(qf_min, qf_max, rank, price)
where a.code = 'CENTRE_LOISIRS'
on conflict do nothing;

insert into family_file (number, name, address_line, postal_code, city)
select 'B' || lpad(g::text, 7, '0'), 'FACTURE' || g, g || ' rue du Banc d''essai', '99000', 'Belcourt'
from generate_series(1, :families) g;

insert into guardian (family_file_id, position, civility, last_name, first_name, relationship, email)
select f.id, 1, 'Mme', f.name, 'Parent', 'Mère', lower(f.name) || '@banc-essai.example.org'
from family_file f where f.number like 'B%';

-- odd files: two children, even files: one (1.5 on average)
insert into child (family_file_id, last_name, first_name, birth_date, sex)
select f.id, f.name, c.first_name, c.birth_date, c.sex
from family_file f, (values (1, 'Aîné', date '2016-05-04', 'M'), (2, 'Cadette', date '2019-09-12', 'F')) c(n, first_name, birth_date, sex)
where f.number like 'B%' and (c.n = 1 or substr(f.number, 2)::int % 2 = 1);

-- 9 files in 10 have a quotient familial valid all year, in the three brackets by turn
insert into quotient_familial (family_file_id, value, valid_from, valid_to, source)
select f.id, (array[450, 950, 1600])[1 + substr(f.number, 2)::int % 3], date_trunc('year', to_date(:'month', 'YYYY-MM'))::date,
       (date_trunc('year', to_date(:'month', 'YYYY-MM')) + interval '1 year' - interval '1 day')::date, 'CAF'
from family_file f where f.number like 'B%' and substr(f.number, 2)::int % 10 <> 0;

-- 15 BOOKED days per child: the first 15 working days of the month
insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
select c.family_file_id, c.id, a.id, d.day, 'BOOKED', now(), 'PLANNING', 'banc-essai', now()
from child c join family_file f on f.id = c.family_file_id,
     activity a,
     (select day::date from generate_series(to_date(:'month', 'YYYY-MM'), to_date(:'month', 'YYYY-MM') + interval '1 month' - interval '1 day', interval '1 day') day
      where extract(isodow from day) < 6 order by day limit 15) d
where f.number like 'B%' and a.code = 'CENTRE_LOISIRS';

insert into attendance_sheet (activity_id, day, state, opened_at, closed_by, closed_at)
select distinct b.activity_id, b.day, 'CLOSED', now(), 'banc-essai', now()
from booking b join family_file f on f.id = b.family_file_id where f.number like 'B%';

insert into attendance_entry (sheet_id, child_id, family_file_id, status, recorded_by, recorded_at)
select s.id, b.child_id, b.family_file_id,
       case when b.child_id % 20 = 0 and b.n in (3, 4) then 'ABSENT_JUSTIFIED'
            when b.child_id % 20 = 10 and b.n = 5 then 'ABSENT_UNJUSTIFIED'
            else 'PRESENT' end,
       'banc-essai', now()
from (select b.*, row_number() over (partition by b.child_id order by b.day) n
      from booking b join family_file f on f.id = b.family_file_id where f.number like 'B%') b
join attendance_sheet s on s.activity_id = b.activity_id and s.day = b.day;
commit;

analyze;

select count(distinct f.id) as families, count(distinct c.id) as children, count(b.id) as booked_days,
       (select count(*) from attendance_entry e join family_file f on f.id = e.family_file_id
        where f.number like 'B%' and e.status = 'ABSENT_JUSTIFIED') as justified_absences
from family_file f join child c on c.family_file_id = f.id join booking b on b.child_id = c.id
where f.number like 'B%';
