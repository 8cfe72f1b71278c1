package org.zhizhi.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Documents people upload as proof — a signed agreement, a delivery note, a photo of either — judged by their content
 * and kept as files outside the database. A photo goes through {@link Photos#reencode}, the same check and re-encoding
 * as every photo of the platform, so that what is served carries no EXIF (no position of someone's home) and no
 * smuggled payload; a PDF must look like one from its header to its trailer and is kept as uploaded. The rows that
 * say who uploaded a document and who may see it belong to the module that uses it.
 */
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	/** What an upload may be. */
	public enum Accept {
		IMAGE, IMAGE_OR_PDF
	}

	/** An accepted upload: the bytes to keep (a photo re-encoded) and their media type. */
	public record Checked(byte[] bytes, String mediaType) {
	}

	private final Path folder;

	private final long maxBytes;

	private final Photos photos;

	Documents(Path folder, long maxBytes, Photos photos) throws IOException {
		this.folder = folder.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
		this.photos = photos;
		Files.createDirectories(this.folder);
	}

	public Path folder() {
		return folder;
	}

	/** The upload as it will be kept, or a field problem on {@code file} in the person's words. */
	public Checked check(byte[] upload, Accept accept) {
		if (upload == null || upload.length == 0) {
			throw invalid("media.document.missing");
		}
		if (upload.length > maxBytes) {
			throw invalid("media.document.tooLarge");
		}
		if (accept == Accept.IMAGE_OR_PDF && isPdf(upload)) {
			return new Checked(upload, "application/pdf");
		}
		try {
			return new Checked(photos.reencode(upload).jpeg(), StoredPhoto.MEDIA_TYPE);
		}
		catch (DomainException refused) {
			throw switch (refused.code()) {
				case "PHOTO_TOO_LARGE", "PHOTO_TOO_MANY_PIXELS" -> invalid("media.document.tooLarge");
				// a HEIC this installation cannot read, or could not convert in time: the photo's own words say what to do
				case "PHOTO_HEIC_UNSUPPORTED", "PHOTO_CONVERSION_TIMED_OUT" -> DomainException
					.invalid(List.of(new FieldProblem("file", refused.messageKey(), refused.args())));
				default -> invalid(accept == Accept.IMAGE ? "media.document.notAnImage" : "media.document.notImageOrPdf");
			};
		}
	}

	/** A PDF from its {@code %PDF-} header to its {@code %%EOF} trailer (in the last kilobyte, as writers put it). */
	public static boolean isPdf(byte[] bytes) {
		if (bytes.length < 16 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			return false;
		}
		int from = Math.max(0, bytes.length - 1024);
		return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
	}

	/** Keeps the bytes under the id; a reader never sees half a file. */
	public void put(UUID id, byte[] bytes) {
		try {
			Path temp = folder.resolve(id + ".part");
			Files.write(temp, bytes);
			Files.move(temp, fileOf(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not store document " + id, e);
		}
	}

	/** Removes a document's file, e.g. of an upload whose transaction rolled back (no row points at it). */
	public void delete(UUID id) {
		try {
			Files.deleteIfExists(fileOf(id));
		}
		catch (IOException e) {
			// a file left behind holds nothing anyone can reach: no row names it
			log.warn("Could not remove document {}: {}", id, e.toString());
		}
	}

	public Optional<byte[]> get(UUID id) {
		Path file = fileOf(id);
		try {
			return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read document " + id, e);
		}
	}

	private Path fileOf(UUID id) {
		// a UUID's text has no separator: the file is always inside the folder
		return folder.resolve(id.toString());
	}

	private static DomainException invalid(String key) {
		return DomainException.invalid(List.of(new FieldProblem("file", key)));
	}
}
