-- Rate limits shared by every node (Bucket4j's PostgreSQL backend): one row per bucket, locked while
-- a request takes a token. expires_at (epoch milliseconds) is when the bucket is full again: past it
-- the row is worth nothing and is removed.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
