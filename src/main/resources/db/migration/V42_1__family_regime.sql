-- The family's social-security scheme (« régime ») for the town's report to the CAF (« prestation de
-- service »): CAF, MSA or another scheme. Files that existed before stay null, shown as « Non précisé »
-- until the Guichet Unique sets it on the staff family page.
alter table family_file add column regime varchar(10) check (regime in ('CAF', 'MSA', 'AUTRE'));
