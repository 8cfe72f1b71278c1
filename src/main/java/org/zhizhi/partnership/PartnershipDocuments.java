package org.zhizhi.partnership;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Signed agreements and delivery photos, judged by their content and kept as files under
 * {@code ${zhizhi.data-dir}/partnership}. Images are decoded and re-encoded, so that what is served carries no EXIF
 * (no position of someone's home) and no smuggled payload; a PDF must look like one from its header to its trailer.
 */
@Component
class PartnershipDocuments {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final long MAX_PIXELS = 40_000_000L;

	enum Accept {
		IMAGE, IMAGE_OR_PDF
	}

	record Checked(byte[] bytes, String mediaType) {
	}

	private final Path folder;

	PartnershipDocuments(Environment environment) throws IOException {
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
		String format = imageFormat(upload);
		if (format == null) {
			throw invalid(accept == Accept.IMAGE ? "partnership.notAnImage" : "partnership.notImageOrPdf");
		}
		try {
			var reader = ImageIO.getImageReadersByFormatName(format).next();
			try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
				reader.setInput(in);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					throw invalid("partnership.fileTooLarge");
				}
				BufferedImage image = reader.read(0);
				BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
				rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(rgb, "jpg", out);
				return new Checked(out.toByteArray(), "image/jpeg");
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof DomainException domain) {
				throw domain;
			}
			throw invalid(accept == Accept.IMAGE ? "partnership.notAnImage" : "partnership.notImageOrPdf");
		}
	}

	static boolean isPdf(byte[] bytes) {
		if (bytes.length < 16 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			return false;
		}
		int from = Math.max(0, bytes.length - 1024);
		return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
	}

	static String imageFormat(byte[] b) {
		if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "png";
		}
		return null;
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
