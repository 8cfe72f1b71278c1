package org.zhizhi.partnership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhizhi.media.Photos;
import org.zhizhi.media.StoredPhoto;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Signed agreements and delivery photos, judged by their content and kept as files under
 * {@code ${zhizhi.data-dir}/partnership}. Photos (JPEG, PNG, WebP and, where libheif is installed, HEIC) go through
 * {@link Photos#reencode}, the same check and re-encoding as every photo of the platform, so that what is served
 * carries no EXIF (no position of someone's home) and no smuggled payload; a PDF must look like one from its header to
 * its trailer and is kept as uploaded.
 */
@Component
class PartnershipDocuments {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	enum Accept {
		IMAGE, IMAGE_OR_PDF
	}

	record Checked(byte[] bytes, String mediaType) {
	}

	private final Path folder;

	private final Photos photos;

	PartnershipDocuments(Environment environment, Photos photos) throws IOException {
		this.photos = photos;
		String dir = environment.getProperty("zhizhi.partnership.documents-dir");
		if (dir != null) {
			folder = Path.of(dir);
		}
		else if (environment.getProperty("zhizhi.database.embedded.ephemeral", Boolean.class, false)) {
			// a throwaway database gets throwaway files: its rows would not outlive it anyway
			folder = Files.createTempDirectory("zhizhi-partnership-");
		}
		else {
			folder = Path.of(environment.getProperty("zhizhi.data-dir", "./data"), "partnership");
		}
		Files.createDirectories(folder);
	}

	Checked check(byte[] upload, Accept accept) {
		if (upload == null || upload.length == 0) {
			throw invalid("partnership.fileMissing");
		}
		if (upload.length > MAX_BYTES) {
			throw invalid("partnership.fileTooLarge");
		}
		if (accept == Accept.IMAGE_OR_PDF && isPdf(upload)) {
			return new Checked(upload, "application/pdf");
		}
		try {
			return new Checked(photos.reencode(upload).jpeg(), StoredPhoto.MEDIA_TYPE);
		}
		catch (DomainException refused) {
			throw switch (refused.code()) {
				case "PHOTO_TOO_LARGE", "PHOTO_TOO_MANY_PIXELS" -> invalid("partnership.fileTooLarge");
				// a HEIC this installation cannot read, or could not convert in time: media's own words say what to do
				case "PHOTO_HEIC_UNSUPPORTED", "PHOTO_CONVERSION_TIMED_OUT" -> DomainException
					.invalid(List.of(new FieldProblem("file", refused.messageKey(), refused.args())));
				default -> invalid(accept == Accept.IMAGE ? "partnership.notAnImage" : "partnership.notImageOrPdf");
			};
		}
	}

	static boolean isPdf(byte[] bytes) {
		if (bytes.length < 16 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			return false;
		}
		int from = Math.max(0, bytes.length - 1024);
		return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
	}

	void put(UUID id, byte[] bytes) {
		try {
			Path target = folder.resolve(id.toString());
			Path temp = folder.resolve(id + ".part");
			Files.write(temp, bytes);
			Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Removes the file of an upload whose transaction rolled back (no row points at it). */
	void delete(UUID id) {
		try {
			Files.deleteIfExists(folder.resolve(id.toString()));
		}
		catch (IOException e) {
			// a file left behind holds nothing anyone can reach: its row never committed
			org.slf4j.LoggerFactory.getLogger(PartnershipDocuments.class).warn("Could not remove {}: {}", id, e.toString());
		}
	}

	Optional<byte[]> get(UUID id) {
		Path file = folder.resolve(id.toString());
		try {
			return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static DomainException invalid(String key) {
		return DomainException.invalid(List.of(new FieldProblem("file", key)));
	}
}
