package org.zhizhi.media;

import java.util.Optional;

/**
 * Where photo files live, outside the database. The file system is the default; an object store (S3, MinIO, OSS)
 * only has to implement these three calls. Ids are opaque, made of letters, digits, dots, dashes and underscores.
 */
public interface PhotoStore {

	/** Stores the content under the id, replacing any earlier content; visible to {@link #get} only once complete. */
	void put(String id, byte[] content);

	Optional<byte[]> get(String id);

	/** Removes the content; removing an absent id is not an error. */
	void delete(String id);
}
