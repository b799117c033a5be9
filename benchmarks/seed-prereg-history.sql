-- What a town's engine holds before a morning of pre-registrations (benchmarks/run-prereg.sh), after
-- benchmarks/seed-rush.sql and benchmarks/seed-prereg.sql: another activity of the same kind (seed-prereg.sql
-- again, « Accueil périscolaire du soir du banc d'essai »), with one pending request per family for its second
-- child; the script then starts them straight on the engine (they wait for the service's decision, as a town's requests of the week before do)
-- and has PostgreSQL's statistics taken of every table. Prints the activity's id (seed-prereg.sql does).
-- Why: on empty tables the database's connections plan their statements (foreign-key checks included) for
-- empty tables and keep those plans; a fresh database measures that, not a town's engine.
\set ON_ERROR_STOP on
\set code PERISCOLAIRE_BANC_SOIR
\set name 'Accueil périscolaire du soir du banc d''essai'
\ir seed-prereg.sql
insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
select c.family_file_id, max(c.id), p.activity_id, 'MONDAY,TUESDAY,THURSDAY,FRIDAY', p.label, p.start_date, p.end_date, 'PENDING'
from child c join family_file f on f.id = c.family_file_id, activity_period p
where f.number like 'R%' and p.activity_id = :prereg_id
group by c.family_file_id, p.activity_id, p.label, p.start_date, p.end_date;
