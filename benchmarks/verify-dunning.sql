-- Checks after the reminder wave (benchmarks/run-dunning.sh). Each line ends in « ok » or « FAILED ».
-- bench_wave_family: each followed invoice and its family's part in the wave (MAIL: reminded by mail,
-- LETTER: no e-mail address, reminded by letter, DESK: paid at the desk before the wave, the process
-- told, UNTOLD: paid before the wave without the process being told); bench_mail_sent: the sink's
-- recipients of the wave's mails; bench_letter_pdf: the page count of the day's letters and the files they name.
\set ON_ERROR_STOP on
\pset footer off
select 'one unpaidInvoice process per invoice with an amount due: ' || count(distinct e.business_key_) || ' of ' || count(distinct c.invoice_id)
       || case when count(distinct e.business_key_) = count(distinct c.invoice_id) and count(e.id_) = count(distinct e.business_key_)
               then ' ok' else ' FAILED' end as "check"
from dunning_case c left join act_hi_procinst e on e.business_key_ = c.business_key and e.proc_def_key_ = 'unpaidInvoice'
union all
select 'exactly one first reminder per unpaid invoice, no other reminder: ' || count(distinct r.invoice_id) || ' invoices of '
       || (select count(*) from bench_wave_family where kind in ('MAIL', 'LETTER')) || ', ' || count(r.id) || ' reminders'
       || case when count(distinct r.invoice_id) = (select count(*) from bench_wave_family where kind in ('MAIL', 'LETTER'))
                    and count(r.id) = count(distinct r.invoice_id)
                    and not exists (select 1 from dunning_reminder where kind <> 'FIRST')
               then ' ok' else ' FAILED' end
from dunning_reminder r join bench_wave_family w on w.invoice_id = r.invoice_id and w.kind in ('MAIL', 'LETTER')
union all
select 'no reminder for an invoice paid before the wave: ' || (select count(*) from bench_wave_family where kind = 'DESK') || ' at the desk, '
       || (select count(*) from bench_wave_family where kind = 'UNTOLD') || ' untold, ' || count(r.id) || ' reminded'
       || case when count(r.id) = 0 and (select count(*) from bench_wave_family where kind in ('DESK', 'UNTOLD')) > 0
               then ' ok' else ' FAILED' end
from bench_wave_family w left join dunning_reminder r on r.invoice_id = w.invoice_id where w.kind in ('DESK', 'UNTOLD')
union all
select 'the invoices paid before the wave are paid and their cases closed: ' || count(*) filter (where i.state = 'PAID' and c.state = 'PAID')
       || ' of ' || count(*)
       || case when count(*) filter (where i.state = 'PAID' and c.state = 'PAID') = count(*) then ' ok' else ' FAILED' end
from bench_wave_family w join invoice i on i.id = w.invoice_id join dunning_case c on c.invoice_id = w.invoice_id
where w.kind in ('DESK', 'UNTOLD')
union all
select 'paid at the desk: the process ended by its message before the wave: '
       || count(*) filter (where a.act_id_ = 'EndEvent_PaidMessage') || ' of ' || count(distinct w.invoice_id)
       || case when count(*) filter (where a.act_id_ = 'EndEvent_PaidMessage') = count(distinct w.invoice_id)
                    and count(*) filter (where a.act_id_ = 'Task_SendFirstReminder') = 0
               then ' ok' else ' FAILED' end
from bench_wave_family w join dunning_case c on c.invoice_id = w.invoice_id
left join act_hi_procinst p on p.business_key_ = c.business_key and p.proc_def_key_ = 'unpaidInvoice'
left join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ in ('EndEvent_PaidMessage', 'Task_SendFirstReminder')
where w.kind = 'DESK'
union all
select 'paid untold: the locked check at the timer ended the process without a reminder: '
       || count(*) filter (where a.act_id_ = 'EndEvent_PaidAfterFirst') || ' of ' || count(distinct w.invoice_id)
       || case when count(*) filter (where a.act_id_ = 'EndEvent_PaidAfterFirst') = count(distinct w.invoice_id) then ' ok' else ' FAILED' end
from bench_wave_family w join dunning_case c on c.invoice_id = w.invoice_id
left join act_hi_procinst p on p.business_key_ = c.business_key and p.proc_def_key_ = 'unpaidInvoice'
left join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = 'EndEvent_PaidAfterFirst'
where w.kind = 'UNTOLD'
union all
select 'each unpaid invoice''s process now waits for the second reminder: ' || count(*)
       || case when count(*) = (select count(*) from bench_wave_family where kind in ('MAIL', 'LETTER')) then ' ok' else ' FAILED' end
from act_ru_execution where act_id_ = 'Timer_SecondReminder'
union all
-- the mails of the wave, per family address: one for each family reminded by mail, none for the others
select 'each family reminded by mail mailed once, the others not at all: ' || count(*) filter (where w.kind = 'MAIL' and m.n = 1)
       || ' of ' || count(*) filter (where w.kind = 'MAIL') || ' mailed once, '
       || count(*) filter (where m.n > 1) || ' mailed more than once, '
       || count(*) filter (where w.kind <> 'MAIL' and m.n is not null) || ' paid or without e-mail but mailed, '
       || (select count(*) from bench_mail_sent) || ' mails in all'
       || case when count(*) filter (where w.kind = 'MAIL' and m.n = 1) = count(*) filter (where w.kind = 'MAIL')
                    and count(*) filter (where w.kind <> 'MAIL' and m.n is not null) = 0
                    and (select count(*) from bench_mail_sent) = count(*) filter (where w.kind = 'MAIL')
               then ' ok' else ' FAILED' end
from bench_wave_family w left join (select lower(rcpt) rcpt, count(*) n from bench_mail_sent group by lower(rcpt)) m on m.rcpt = w.email
union all
select 'each family without e-mail has its letter, and only they: ' || count(*) filter (where w.kind = 'LETTER') || ' letters of '
       || (select count(*) from bench_wave_family where kind = 'LETTER')
       || case when count(*) filter (where w.kind = 'LETTER') = (select count(*) from bench_wave_family where kind = 'LETTER')
                    and count(*) = count(*) filter (where w.kind = 'LETTER')
               then ' ok' else ' FAILED' end
from dunning_reminder r join bench_wave_family w on w.invoice_id = r.invoice_id where r.channel = 'LETTER'
union all
select 'the day''s letters PDF: ' || (select max(pages) from bench_letter_pdf) || ' pages, '
       || count(distinct p.file_number) filter (where w.kind = 'LETTER') || ' of '
       || (select count(*) from bench_wave_family where kind = 'LETTER') || ' families named'
       || case when (select max(pages) from bench_letter_pdf) = (select count(*) from bench_wave_family where kind = 'LETTER')
                    and count(distinct p.file_number) filter (where w.kind = 'LETTER') = (select count(*) from bench_wave_family where kind = 'LETTER')
                    and count(*) filter (where w.kind is distinct from 'LETTER') = 0
               then ' ok' else ' FAILED' end
from bench_letter_pdf p left join bench_wave_family w on w.file_number = p.file_number where p.file_number is not null
union all
select 'no incident: ' || count(*) || case when count(*) = 0 then ' ok' else ' FAILED' end from act_ru_incident;
