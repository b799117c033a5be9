-- One-time tokens of the forms whose submission must happen once (a double click on « Envoyer »,
-- « Enregistrer », « Confirmer »): the first request claims the token, a repeat waits for it and
-- gets the same answer (the redirect it ended in). Shared by the nodes; purged after a day.
create table form_submission (
    token        varchar(64)   primary key,
    created_at   timestamptz   not null default now(),
    -- the redirect the first submission ended in; null while it runs
    location     varchar(2000)
);
create index form_submission_created_idx on form_submission (created_at);
