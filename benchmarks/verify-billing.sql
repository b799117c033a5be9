-- Checks after a billing run (benchmarks/run-billing.sh); psql variable: month. Each line ends in « ok » or « FAILED ».
\set ON_ERROR_STOP on
\pset footer off
with billed as (select count(distinct family_file_id) n from booking
                where to_char(day, 'YYYY-MM') = :'month' and state in ('BOOKED', 'CANCELLED_LATE')),
     published as (select count(*) n from invoice where month = :'month' and state = 'PENDING')
select 'one published invoice per family with bookings: ' || p.n || ' of ' || b.n
       || case when p.n = b.n then ' ok' else ' FAILED' end as "check"
from billed b, published p
union all
select 'no draft left, no family billed twice: ' || count(*) filter (where state = 'DRAFT') || ' drafts, '
       || (count(*) - count(distinct family_file_id)) || ' duplicates'
       || case when count(*) filter (where state = 'DRAFT') = 0 and count(*) = count(distinct family_file_id) then ' ok' else ' FAILED' end
from invoice where month = :'month'
union all
select 'gapless numbers: ' || count(*) || ' numbers from ' || min(number) || ' to ' || max(number)
       || case when count(distinct number) = count(*)
                    and max(substr(number, 9)::int) - min(substr(number, 9)::int) + 1 = count(*)
                    and min(substr(number, 9)::int) = 1
                    and (select last_number from invoice_counter c where c.year = min(substr(number, 4, 4))::int) = count(*)
               then ' ok' else ' FAILED' end
from invoice where month = :'month' and number is not null
union all
select 'each with its PDF: ' || count(*) filter (where pdf is not null and substr(pdf, 1, 5) = '%PDF-'::bytea) || ' of ' || count(*)
       || ', average ' || coalesce(round(avg(octet_length(pdf)) / 1024.0, 1), 0) || ' KB'
       || case when count(*) filter (where pdf is not null and substr(pdf, 1, 5) = '%PDF-'::bytea) = count(*) then ' ok' else ' FAILED' end
from invoice where month = :'month' and state = 'PENDING'
union all
select 'amounts > 0: ' || count(*) filter (where total > 0) || ' of ' || count(*) || ', total ' || sum(total) || ' €'
       || case when count(*) filter (where total > 0) = count(*) then ' ok' else ' FAILED' end
from invoice where month = :'month' and state = 'PENDING'
union all
select 'total = sum of lines (rounded to the cent): ' || count(*) filter (where i.total = l.s) || ' of ' || count(*)
       || case when count(*) filter (where i.total = l.s) = count(*) then ' ok' else ' FAILED' end
from invoice i join (select invoice_id, round(sum(amount), 2) s from invoice_line group by invoice_id) l on l.invoice_id = i.id
where i.month = :'month' and i.state = 'PENDING'
union all
select 'days billed = days booked less justified absences: ' || (select coalesce(sum(quantity), 0) from invoice_line l join invoice i on i.id = l.invoice_id
                                         where i.month = :'month' and i.state = 'PENDING')
       || ' of ' || count(*) || ' booked, less ' || count(e.id) || ' justified absences'
       || case when exists (select 1 from activity where waiting_days > 0) then ' not compared (WAITING_DAYS: carence days are billed)'
               when count(*) - count(e.id) = (select coalesce(sum(quantity), 0) from invoice_line l join invoice i on i.id = l.invoice_id
                                where i.month = :'month' and i.state = 'PENDING') then ' ok' else ' FAILED' end
from booking b
left join attendance_sheet s on s.activity_id = b.activity_id and s.day = b.day
left join attendance_entry e on e.sheet_id = s.id and e.child_id = b.child_id and e.status = 'ABSENT_JUSTIFIED'
where to_char(b.day, 'YYYY-MM') = :'month' and b.state in ('BOOKED', 'CANCELLED_LATE')
union all
select 'every family told: ' || count(*) filter (where notified_at is not null) || ' of ' || count(*)
       || case when count(*) filter (where notified_at is not null) = count(*) then ' ok' else ' FAILED' end
from invoice where month = :'month' and state = 'PENDING'
union all
-- the mails the SMTP sink received (bench_mail_sent, loaded by run-billing.sh), per guardian address
-- of each billed family: exactly one each, and no other mail
select 'each family mailed exactly once: ' || count(*) filter (where m.n = 1) || ' of ' || count(*) || ' addresses, '
       || count(*) filter (where m.n > 1) || ' mailed more than once, ' || count(*) filter (where m.n is null) || ' not mailed, '
       || (select count(*) from bench_mail_sent) || ' mails in all'
       || case when count(*) filter (where m.n = 1) = count(*) and (select count(*) from bench_mail_sent) = count(*)
               then ' ok' else ' FAILED' end
from (select distinct lower(g.email) email from invoice i join guardian g on g.family_file_id = i.family_file_id
      where i.month = :'month' and i.state = 'PENDING' and g.email is not null) a
left join (select rcpt, count(*) n from bench_mail_sent group by rcpt) m on m.rcpt = a.email
union all
-- one unpaidInvoice process per invoice with an amount due (started in batches after the publication),
-- exactly one: the business key REL-<number> is unique among the running processes
select 'one unpaidInvoice process per invoice: ' || count(distinct e.business_key_) || ' of ' || count(distinct i.id) || ', '
       || (count(e.id_) - count(distinct e.business_key_)) || ' duplicated'
       || case when count(distinct e.business_key_) = count(distinct i.id) and count(e.id_) = count(distinct e.business_key_)
               then ' ok' else ' FAILED' end
from invoice i
left join act_ru_execution e on e.business_key_ = 'REL-' || i.number and e.parent_id_ is null
     and e.proc_def_id_ like 'unpaidInvoice:%'
where i.month = :'month' and i.state = 'PENDING' and i.total > i.paid_amount;
