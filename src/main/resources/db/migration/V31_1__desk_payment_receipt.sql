-- The receipt of each desk payment: its number (RG-<year>-<payment's number>), its PDF made when the
-- payment is recorded (what the family and the agent download later is the very document mailed),
-- and when it was mailed to the family.
alter table desk_payment add column receipt_number varchar(20) unique;
alter table desk_payment add column receipt_pdf bytea;
alter table desk_payment add column receipt_mailed_at timestamptz;
