-- HEIC uploads (iPhones' default) are now read, converted by libheif's heif-convert and served, like every other
-- format, as a metadata-free JPEG; the row still says what the phone sent.

ALTER TABLE photo DROP CONSTRAINT photo_source_format_check;
ALTER TABLE photo ADD CONSTRAINT photo_source_format_check CHECK (source_format IN ('JPEG', 'PNG', 'WEBP', 'HEIC'));
