package org.zhizhi.incident.photo;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.zhizhi.shared.DomainException;

/**
 * The formats we accept, told apart by their first bytes only: a file's name and declared type are whatever the
 * client says, so they decide nothing. SVG (scripts), GIF, TIFF, BMP and all the rest are refused; HEIC is recognised
 * only to say clearly that no decoder is available to us.
 */
enum PhotoFormat {

	JPEG("jpeg"), PNG("png"), WEBP("webp");

	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
			"msf1");

	private final String imageIoName;

	PhotoFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	String imageIoName() {
		return imageIoName;
	}

	static PhotoFormat detect(byte[] b) {
		return sniff(b).orElseThrow(() -> isHeif(b)
				? new DomainException(DomainException.Category.INVALID, "PHOTO_HEIC_UNSUPPORTED",
						"photo.heicUnsupported")
				: new DomainException(DomainException.Category.INVALID, "PHOTO_UNSUPPORTED_FORMAT",
						"photo.unsupportedFormat"));
	}

	private static Optional<PhotoFormat> sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && ascii(b, 1, 3).equals("PNG") && b[4] == 0x0D && b[5] == 0x0A
				&& b[6] == 0x1A && b[7] == 0x0A) {
			return Optional.of(PNG);
		}
		if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean isHeif(byte[] b) {
		return b.length >= 12 && ascii(b, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(b, 8, 4));
	}

	private static String ascii(byte[] b, int at, int length) {
		return new String(b, at, length, StandardCharsets.ISO_8859_1);
	}
}
