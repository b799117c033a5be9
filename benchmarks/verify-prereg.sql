-- Checks after a pre-registration run (benchmarks/run-prereg.sh); psql variable: activity. « ok » or « FAILED ».
\set ON_ERROR_STOP on
\pset footer off
select 'pending registrations, each with its process instance: ' || count(*) || ' requests, '
       || count(distinct r.process_instance_id) || ' instances, ' || count(p.id_) || ' running'
       || case when count(*) = count(distinct r.process_instance_id) and count(p.id_) = count(*) then ' ok' else ' FAILED' end as "check"
from registration r left join act_ru_execution p on p.id_ = r.process_instance_id and p.parent_id_ is null
where r.activity_id = :activity and r.state = 'PENDING'
union all
select 'one validation task per request: ' || count(*) || case when count(*) = (select count(*) from registration
       where activity_id = :activity and state = 'PENDING') then ' ok' else ' FAILED' end
from act_ru_task t join registration r on r.process_instance_id = t.proc_inst_id_
where t.task_def_key_ = 'Task_ValidateRegistration' and r.activity_id = :activity
union all
select 'no request twice for a child: ' || (count(*) - count(distinct child_id)) || ' duplicates'
       || case when count(*) = count(distinct child_id) then ' ok' else ' FAILED' end
from registration where activity_id = :activity;
