package org.zhizhi.incident.photo;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The metadata rows of the photos; the files are the {@link PhotoStore}'s. */
interface PhotoCatalog {

	void add(StoredPhoto photo, Instant createdAt);

	Optional<StoredPhoto> find(UUID id);

	/** Removes the row; answers whether there was one. */
	boolean remove(UUID id);
}
