-- The yearly refresh of the quotients read from API Particulier (process quotientRefresh): one row per
-- year, taken when the refresh of that year starts, so a year is refreshed once (QF-<year>), whether
-- started by the January timer or by the Guichet Unique in Tasklist.
create table quotient_refresh (
    refresh_year         int          primary key,
    process_instance_id  varchar(64)  not null,
    started_at           timestamptz  not null
);
