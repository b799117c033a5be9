-- Checks after the reminder wave (benchmarks/run-dunning.sh). Each line ends in « ok » or « FAILED ».
\set ON_ERROR_STOP on
\pset footer off
select 'one unpaidInvoice process per invoice with an amount due: ' || count(distinct e.business_key_) || ' of ' || count(distinct c.invoice_id)
       || case when count(distinct e.business_key_) = count(distinct c.invoice_id) and count(e.id_) = count(distinct e.business_key_)
               then ' ok' else ' FAILED' end as "check"
from dunning_case c left join act_hi_procinst e on e.business_key_ = c.business_key and e.proc_def_key_ = 'unpaidInvoice'
union all
select 'exactly one first reminder per invoice, no other: ' || count(distinct r.invoice_id) || ' invoices, ' || count(r.id) || ' reminders'
       || case when count(distinct r.invoice_id) = (select count(*) from dunning_case) and count(r.id) = count(distinct r.invoice_id)
                    and not exists (select 1 from dunning_reminder where kind <> 'FIRST')
               then ' ok' else ' FAILED' end
from dunning_reminder r
union all
select 'each process now waits for the second reminder: ' || count(*)
       || case when count(*) = (select count(*) from dunning_case) then ' ok' else ' FAILED' end
from act_ru_execution where act_id_ = 'Timer_SecondReminder'
union all
-- the mails of the wave (bench_mail_sent, loaded by run-dunning.sh), per guardian address of each followed family
select 'each family mailed one reminder: ' || count(*) filter (where m.n = 1) || ' of ' || count(*) || ' addresses, '
       || count(*) filter (where m.n > 1) || ' mailed more than once, ' || count(*) filter (where m.n is null) || ' not mailed, '
       || (select count(*) from bench_mail_sent) || ' mails in all'
       || case when count(*) filter (where m.n = 1) = count(*) and (select count(*) from bench_mail_sent) = count(*)
               then ' ok' else ' FAILED' end
from (select distinct lower(g.email) email from dunning_case c join guardian g on g.family_file_id = c.family_file_id
      where g.email is not null) a
left join (select lower(rcpt) rcpt, count(*) n from bench_mail_sent group by lower(rcpt)) m on m.rcpt = a.email
union all
select 'no incident: ' || count(*) || case when count(*) = 0 then ' ok' else ' FAILED' end from act_ru_incident;
