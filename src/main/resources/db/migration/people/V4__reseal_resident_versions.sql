-- Key rotation (issue 11): a resident's versions stay insert-only, with one exception — the sealed ID number and
-- phone of a version may be sealed again under a new key (and their search hashes computed again), provided nothing
-- else of the row changes. Opening a value checks that it was sealed for this resident and this field, so the only
-- values such an update can put in are this resident's own.
CREATE FUNCTION refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND to_jsonb(NEW) - 'id_card_cipher' - 'id_card_hash' - 'phone_cipher' - 'phone_hash'
         = to_jsonb(OLD) - 'id_card_cipher' - 'id_card_hash' - 'phone_cipher' - 'phone_hash'
       AND (NEW.phone_cipher IS NULL) = (OLD.phone_cipher IS NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is insert-only (only its sealed values may be sealed again under a new key)', TG_TABLE_NAME;
END;
$$;

DROP TRIGGER resident_version_insert_only ON resident_version;
CREATE TRIGGER resident_version_insert_only BEFORE UPDATE OR DELETE ON resident_version
    FOR EACH ROW EXECUTE FUNCTION refuse_version_change();
