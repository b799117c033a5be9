-- After the pages' pre-registrations (benchmarks/run-prereg.sh): one pending request per seeded family
-- for its SECOND child, for the same activity and period, with no process yet. The portal's benchmark-only
-- endpoint (registration.EngineStarts, profile bench) then starts preRegistration for each straight on
-- the engine, with the variables « enregistrer » gives it. psql variable: activity. Prints the count.
\set ON_ERROR_STOP on
insert into registration (family_file_id, child_id, activity_id, weekdays, period_label, valid_from, valid_to, state)
select c.family_file_id, max(c.id), p.activity_id, 'MONDAY,THURSDAY', p.label, p.start_date, p.end_date, 'PENDING'
from child c join family_file f on f.id = c.family_file_id, activity_period p
where f.number like 'R%' and p.activity_id = :activity
group by c.family_file_id, p.activity_id, p.label, p.start_date, p.end_date;
analyze registration;
select 'engine requests ' || count(*) from registration where activity_id = :activity and process_instance_id is null and state = 'PENDING';
