-- What we know of each incident photo; the files themselves (the re-encoded JPEG and its thumbnail) live in the
-- PhotoStore, under the data directory by default. The position is the one the upload's EXIF carried, kept before
-- the metadata was stripped. Incidents, check-ins and resolutions refer to photos by id.

CREATE TABLE photo (
    id                uuid PRIMARY KEY,
    source_format     text NOT NULL CHECK (source_format IN ('JPEG', 'PNG', 'WEBP')),
    width             integer NOT NULL CHECK (width > 0),
    height            integer NOT NULL CHECK (height > 0),
    thumbnail_width   integer NOT NULL CHECK (thumbnail_width > 0),
    thumbnail_height  integer NOT NULL CHECK (thumbnail_height > 0),
    bytes             bigint NOT NULL CHECK (bytes > 0),
    latitude          double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision CHECK (longitude BETWEEN -180 AND 180),
    created_at        timestamptz NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
