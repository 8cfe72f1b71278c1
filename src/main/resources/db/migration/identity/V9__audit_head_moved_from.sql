-- Issue 16: a group of reports sends its audit entries with the other statements of its commit in one round trip, so
-- the writer cannot look at how many head rows a statement moved before the next one runs. The statement checks
-- itself instead: it moves the chain's head only from the head its entries were sealed against, and refuses — failing
-- the whole transaction, which the writer then writes again from the head as it is — if the head had moved on.
CREATE FUNCTION identity.refuse_unless(ok boolean, reason text) RETURNS boolean
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT ok THEN
        RAISE EXCEPTION '%', reason USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN true;
END
$$;
