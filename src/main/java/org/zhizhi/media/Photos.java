package org.zhizhi.media;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.zhizhi.media.persistence.PhotoCatalog;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.processing.PhotoProcessor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;

/**
 * Photos in and out, for every module that takes them: {@link #store} checks an upload, keeps its GPS position and
 * stores a metadata-free JPEG plus a thumbnail; only those re-encodings are ever served, never the uploaded bytes.
 */
@Service
public class Photos {

	private static final String THUMBNAIL_SUFFIX = ".thumb";

	private final PhotoStore store;

	private final PhotoCatalog catalog;

	private final PhotoProcessor processor;

	private final Clock clock;

	private final MeterRegistry meters;

	Photos(PhotoStore store, PhotoCatalog catalog, PhotoLimits limits, HeifConverter heif, Clock clock,
			MeterRegistry meters) {
		this.store = store;
		this.catalog = catalog;
		this.processor = new PhotoProcessor(limits, heif);
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Accepts a JPEG, PNG, WebP or — where the HEIC converter is installed — HEIC upload (judged by content),
	 * refusing anything else, too large or with too many pixels with a {@link org.zhizhi.shared.DomainException} of category INVALID and a {@code photo.*} message key.
	 */
	public StoredPhoto store(byte[] upload) {
		PhotoProcessor.ProcessedPhoto photo = process(upload);
		UUID id = Ids.newId(clock);
		StoredPhoto stored = new StoredPhoto(id, photo.position(), photo.format().name(), photo.width(),
				photo.height(), photo.thumbnailWidth(), photo.thumbnailHeight(), photo.jpeg().length);
		// Files first: a row never points at a missing file; a failure after the files leaves only orphans to sweep.
		store.put(id.toString(), photo.jpeg());
		store.put(id + THUMBNAIL_SUFFIX, photo.thumbnail());
		catalog.add(stored, clock.instant());
		return stored;
	}

	/**
	 * The upload checked and re-encoded, counted for the scrape by its outcome ({@code zhizhi_photos_total}: ok, or the
	 * refusal's code — a rise of PHOTO_UNREADABLE or HEIC refusals after an upgrade of the converter shows at once).
	 */
	private PhotoProcessor.ProcessedPhoto process(byte[] upload) {
		try {
			PhotoProcessor.ProcessedPhoto photo = processor.process(upload);
			meters.counter("zhizhi.photos", "outcome", "OK", "format", photo.format().name()).increment();
			return photo;
		}
		catch (DomainException refused) {
			meters.counter("zhizhi.photos", "outcome", refused.code(), "format", "-").increment();
			throw refused;
		}
	}

	/**
	 * Checks and re-encodes an upload exactly as {@link #store} does, without keeping anything: for a module that
	 * files photos with records of its own (partnership's documents). Refused as by {@link #store}.
	 */
	public ReencodedPhoto reencode(byte[] upload) {
		PhotoProcessor.ProcessedPhoto photo = process(upload);
		return new ReencodedPhoto(photo.jpeg(), photo.position(), photo.format().name(), photo.width(),
				photo.height());
	}

	public Optional<StoredPhoto> find(UUID id) {
		return catalog.find(id);
	}

	/** The full re-encoded JPEG ({@value StoredPhoto#MEDIA_TYPE}). */
	public Optional<byte[]> photo(UUID id) {
		return catalog.find(id).flatMap(photo -> store.get(id.toString()));
	}

	/** The thumbnail JPEG, its long side at most the configured thumbnail size. */
	public Optional<byte[]> thumbnail(UUID id) {
		return catalog.find(id).flatMap(photo -> store.get(id + THUMBNAIL_SUFFIX));
	}

	public void delete(UUID id) {
		catalog.remove(id);
		store.delete(id + THUMBNAIL_SUFFIX);
		store.delete(id.toString());
	}
}
