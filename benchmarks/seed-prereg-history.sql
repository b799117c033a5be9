-- What a town's engine holds before a morning of pre-registrations (benchmarks/run-prereg.sh), after
-- benchmarks/seed-rush.sql and benchmarks/seed-prereg.sql: another activity, « Restauration scolaire du banc
-- d'essai », with one pending request per family for its second child; the script then starts them
-- straight on the engine (they wait for the service's decision, as a town's requests of the week before do)
-- and has PostgreSQL's statistics taken of every table. Prints the activity's id.
-- Why: on empty tables the database's connections plan their statements (foreign-key checks included) for
-- empty tables and keep those plans; a fresh database measures that, not a town's engine.
\set ON_ERROR_STOP on
insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                      min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays,
                      cutoff_working_days, cutoff_time, required_documents)
values ('RESTAURATION_BANC', 'Restauration scolaire du banc d''essai', 'Restauration scolaire', 'enfance',
        'Le midi, les jours d''école.', 'DAY', 'MONDAY,TUESDAY,THURSDAY,FRIDAY', 100000, 3, 12,
        true, false, false, 2, '12:00', '')
on conflict (code) do nothing;
insert into activity_period (activity_id, label, start_date, end_date)
select id, 'Période du banc d''essai', date '2025-09-01', date '2030-08-31' from activity
where code = 'RESTAURATION_BANC' and not exists (select 1 from activity_period p where p.activity_id = activity.id);
insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
select c.family_file_id, max(c.id), p.activity_id, 'MONDAY,TUESDAY,THURSDAY,FRIDAY', p.label, p.start_date, p.end_date, 'PENDING'
from child c join family_file f on f.id = c.family_file_id, activity_period p, activity a
where f.number like 'R%' and a.code = 'RESTAURATION_BANC' and p.activity_id = a.id
group by c.family_file_id, p.activity_id, p.label, p.start_date, p.end_date;
select id from activity where code = 'RESTAURATION_BANC' \gset history_
\echo activity :history_id
