-- An activity's registrations of a period: the places left that the review of each pre-registration counts
-- (the validated ones of the activity and period), the staff's counts of an activity's registrations, and the
-- check of an activity's removal. Without it each of them read the whole table.
create index registration_activity_idx on registration (activity_id, valid_from, state);
