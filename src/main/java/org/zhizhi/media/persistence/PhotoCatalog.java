package org.zhizhi.media.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.zhizhi.media.StoredPhoto;

/** The metadata rows of the photos; the files are the {@link PhotoStore}'s. */
public interface PhotoCatalog {

	void add(StoredPhoto photo, Instant createdAt);

	Optional<StoredPhoto> find(UUID id);

	/** Removes the row; answers whether there was one. */
	boolean remove(UUID id);
}
