package org.zhizhi.incident.photo;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.zhizhi.shared.Ids;

/**
 * Incident photos in and out: {@link #store} checks an upload, keeps its GPS position in the answer and stores a
 * metadata-free JPEG plus a thumbnail; only those re-encodings are ever served, never the uploaded bytes.
 */
@Service
public class Photos {

	private static final String THUMBNAIL_SUFFIX = ".thumb";

	private final PhotoStore store;

	private final PhotoProcessor processor;

	Photos(PhotoStore store, PhotoLimits limits) {
		this.store = store;
		this.processor = new PhotoProcessor(limits);
	}

	/**
	 * Accepts a JPEG, PNG or WebP upload (by content), refusing anything else, too large or with too many pixels with
	 * a {@link org.zhizhi.shared.DomainException} of category INVALID and a {@code photo.*} message key.
	 */
	public StoredPhoto store(byte[] upload) {
		PhotoProcessor.ProcessedPhoto photo = processor.process(upload);
		UUID id = Ids.newId();
		store.put(id.toString(), photo.jpeg());
		store.put(id + THUMBNAIL_SUFFIX, photo.thumbnail());
		return new StoredPhoto(id, photo.position(), photo.format().name(), photo.width(), photo.height(),
				photo.thumbnailWidth(), photo.thumbnailHeight(), photo.jpeg().length);
	}

	/** The full re-encoded JPEG ({@value StoredPhoto#MEDIA_TYPE}). */
	public Optional<byte[]> photo(UUID id) {
		return store.get(id.toString());
	}

	/** The thumbnail JPEG, its long side at most the configured thumbnail size. */
	public Optional<byte[]> thumbnail(UUID id) {
		return store.get(id + THUMBNAIL_SUFFIX);
	}

	public void delete(UUID id) {
		store.delete(id + THUMBNAIL_SUFFIX);
		store.delete(id.toString());
	}
}
