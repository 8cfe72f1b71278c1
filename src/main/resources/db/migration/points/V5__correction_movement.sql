-- Volunteer hours corrected down after they were paid: the difference goes back to the pool as a movement of its own
-- (CORRECTION, person → pool, with the rule and a reason naming the correction). Not a REVERSAL: that one mirrors a
-- whole movement, once, and a correction takes back part of what one or more movements paid.
ALTER TABLE movement DROP CONSTRAINT movement_kind_check;
ALTER TABLE movement ADD CONSTRAINT movement_kind_check CHECK (kind IN ('EARN', 'HOLD', 'CONFIRM', 'RELEASE',
                                                                        'REVERSAL', 'EXPIRY', 'CORRECTION'));
