-- the expiry sweep also reads the wishes taken by some but not all of their takers
DROP INDEX wish.wish_unclaimed_due;
CREATE INDEX wish_open_due ON wish.wish (due_on) WHERE state IN ('PUBLISHED', 'DISPATCHED', 'TAKEN');
