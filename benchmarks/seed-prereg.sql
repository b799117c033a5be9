-- After benchmarks/seed-rush.sql (the families, their accounts and children): the activity the
-- families pre-register for, « Accueil périscolaire du banc d'essai » (service enfance, open
-- Monday to Friday, a period still open, no document required), so each pre-registration goes
-- straight to the service's validation task. Prints its id for the simulation.
-- psql variables (optional): code and name, another activity of the same kind (seed-prereg-history.sql).
\set ON_ERROR_STOP on
\if :{?code}
\else
\set code PERISCOLAIRE_BANC
\set name 'Accueil périscolaire du banc d''essai'
\endif
insert into activity (code, name, activity_type, service_group, description, booking_unit, weekdays, capacity_per_day,
                      min_age, max_age, runs_on_school_days, runs_on_wednesdays, runs_on_holidays,
                      cutoff_working_days, cutoff_time, required_documents)
values (:'code', :'name', 'Accueil périscolaire', 'enfance',
        'Le matin et le soir, les jours d''école.', 'DAY', 'MONDAY,TUESDAY,THURSDAY,FRIDAY', 100000, 3, 12,
        true, false, false, 2, '12:00', '')
on conflict (code) do nothing;
insert into activity_period (activity_id, label, start_date, end_date)
select id, 'Période du banc d''essai', date '2025-09-01', date '2030-08-31' from activity
where code = :'code' and not exists (select 1 from activity_period p where p.activity_id = activity.id);
select id from activity where code = :'code' \gset prereg_
\echo activity :prereg_id
