package org.zhizhi.media.processing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.zhizhi.shared.DomainException;

/**
 * The formats we accept, told apart by their first bytes only: a file's name and declared type are whatever the
 * client says, so they decide nothing. SVG (scripts), GIF, TIFF, BMP, AVIF and all the rest are refused. HEIC is
 * recognised by its ISO-BMFF {@code ftyp} box; whether it can be read depends on the {@link HeifConverter}.
 */
public enum PhotoFormat {

	JPEG("jpeg"), PNG("png"), WEBP("webp"), HEIC(null);

	/** Major brands of HEIF files whose images are HEVC-coded or may be (mif1/msf1 are the generic HEIF brands). */
	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
			"msf1");

	/** Compatible brands that alone make a file HEIC, whatever its major brand (some cameras write another one). */
	private static final Set<String> HEVC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");

	private final String imageIoName;

	PhotoFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	/** The JDK's ImageIO name; HEIC has none, it is converted to JPEG first. */
	String imageIoName() {
		return imageIoName;
	}

	/**
	 * @param heicReadable whether HEIC is accepted here, only so that the refusal names the formats that really are
	 */
	static PhotoFormat detect(byte[] b, boolean heicReadable) {
		return sniff(b).orElseThrow(() -> new DomainException(DomainException.Category.INVALID,
				"PHOTO_UNSUPPORTED_FORMAT", heicReadable ? "photo.unsupportedFormat.withHeic" : "photo.unsupportedFormat"));
	}

	public static Optional<PhotoFormat> sniff(byte[] b) {
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
		if (isHeif(b)) {
			return Optional.of(HEIC);
		}
		return Optional.empty();
	}

	/** The first box of an ISO-BMFF file is {@code ftyp}: size, "ftyp", major brand, minor version, compatible brands. */
	private static boolean isHeif(byte[] b) {
		if (b.length < 16 || !ascii(b, 4, 4).equals("ftyp")) {
			return false;
		}
		if (HEIF_BRANDS.contains(ascii(b, 8, 4))) {
			return true;
		}
		long size = (b[0] & 0xFFL) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
		int end = (int) Math.min(size, b.length);
		for (int at = 16; at + 4 <= end; at += 4) {
			if (HEVC_BRANDS.contains(ascii(b, at, 4))) {
				return true;
			}
		}
		return false;
	}

	private static String ascii(byte[] b, int at, int length) {
		return new String(b, at, length, StandardCharsets.ISO_8859_1);
	}
}
