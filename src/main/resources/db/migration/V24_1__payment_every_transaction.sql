-- Every transaction the gateway took money for ends settled or in a task for finances, even when
-- it comes after the payment was concluded (a second attempt after a refusal, a second debit) or
-- for an order we do not know. A payment may therefore have several refunds, one per transaction.

-- vads_trans_uuid: the gateway's id of one transaction (a payment may see several attempts)
alter table payment_notification add column trans_uuid varchar(40);
-- what finances did in « Vérifier un paiement » (money received for an order we do not know)
alter table payment_notification add column reviewed_at timestamptz;
alter table payment_notification add column reviewed_by varchar(64);
alter table payment_notification add column review_comment varchar(1000);
create index payment_notification_uuid_idx on payment_notification (trans_uuid);

alter table payment_refund drop constraint payment_refund_payment_id_key;
alter table payment_refund add column trans_uuid varchar(40);
-- the notification that made the refund necessary (one refund per notification at most)
alter table payment_refund add column notification_id bigint unique references payment_notification (id) on delete set null;
create index payment_refund_payment_idx on payment_refund (payment_id);
