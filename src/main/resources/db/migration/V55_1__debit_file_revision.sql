-- Prélèvement SEPA: the batch's file carries a revision, counted from 1 and bumped at each build (a
-- file under review is built again when a family revokes or changes its mandate); the revision is in
-- the file's name and its pain.008 MsgId. The portal records which revision finances last downloaded
-- during the review, by whom and when: « Transmettre » is refused while that download is missing or
-- older than the file as it stands. A batch built before this migration counts as revision 1.
alter table debit_batch
    add column revision             int          not null default 0,
    add column downloaded_revision  int,
    add column downloaded_by        varchar(64),
    add column downloaded_at        timestamptz;
update debit_batch set revision = 1 where built_at is not null;
