-- A reminder of an unpaid bill sent to its household's accounts: at most one a day per bill (the key), so pressing
-- the button twice, or on two nodes, tells a household once.
CREATE TABLE fee_reminder (
    bill_id      uuid        NOT NULL REFERENCES fee_bill (id),
    reminded_on  date        NOT NULL,
    sent_by      uuid        NOT NULL,
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (bill_id, reminded_on)
);
