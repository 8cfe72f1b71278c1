package org.zhizhi.media.processing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.zhizhi.media.PhotoPosition;

/**
 * The two EXIF facts we keep — the orientation the camera recorded and the GPS position — found in a JPEG's APP1
 * segment, a PNG's eXIf chunk or a WebP's EXIF chunk (a HEIC's from the JPEG it is converted to). Damaged or hostile
 * metadata reads as "none", never as an error: the picture itself may still be good.
 */
public record Exif(int orientation, Optional<PhotoPosition> position) {

	public static final Exif NONE = new Exif(1, Optional.empty());

	private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final int TAG_ORIENTATION = 0x0112;

	private static final int TAG_GPS_IFD = 0x8825;

	public static Exif of(PhotoFormat format, byte[] file) {
		try {
			byte[] tiff = switch (format) {
				case JPEG -> fromJpeg(file);
				case PNG -> fromPng(file);
				case WEBP -> fromWebp(file);
				// read from the JPEG the HEIC is converted to, which carries the HEIC's EXIF item
				case HEIC -> null;
			};
			return tiff == null ? NONE : parseTiff(tiff);
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
			return NONE;
		}
	}

	private static byte[] fromJpeg(byte[] b) {
		int pos = 2;
		while (pos + 4 <= b.length) {
			if ((b[pos] & 0xFF) != 0xFF) {
				return null;
			}
			int marker = b[pos + 1] & 0xFF;
			if (marker == 0xFF) {
				pos++;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return null; // image data starts: metadata segments all come before it
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				pos += 2;
				continue;
			}
			int length = u16be(b, pos + 2);
			int start = pos + 4;
			int end = pos + 2 + length;
			if (length < 2 || end > b.length) {
				return null;
			}
			if (marker == 0xE1 && startsWith(b, start, EXIF_HEADER)) {
				return Arrays.copyOfRange(b, start + EXIF_HEADER.length, end);
			}
			pos = end;
		}
		return null;
	}

	private static byte[] fromPng(byte[] b) {
		int pos = 8;
		while (pos + 12 <= b.length) {
			long length = u32be(b, pos);
			String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (length > b.length - pos - 12) {
				return null;
			}
			if (type.equals("eXIf")) {
				return stripExifHeader(Arrays.copyOfRange(b, pos + 8, pos + 8 + (int) length));
			}
			if (type.equals("IEND")) {
				return null;
			}
			pos += 12 + (int) length;
		}
		return null;
	}

	private static byte[] fromWebp(byte[] b) {
		int pos = 12;
		while (pos + 8 <= b.length) {
			String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
			long length = u32le(b, pos + 4);
			if (length > b.length - pos - 8) {
				return null;
			}
			if (type.equals("EXIF")) {
				return stripExifHeader(Arrays.copyOfRange(b, pos + 8, pos + 8 + (int) length));
			}
			pos += 8 + (int) length + (int) (length & 1);
		}
		return null;
	}

	private static byte[] stripExifHeader(byte[] data) {
		return startsWith(data, 0, EXIF_HEADER) ? Arrays.copyOfRange(data, EXIF_HEADER.length, data.length) : data;
	}

	static Exif parseTiff(byte[] t) {
		boolean little;
		if (t.length >= 8 && t[0] == 'I' && t[1] == 'I') {
			little = true;
		}
		else if (t.length >= 8 && t[0] == 'M' && t[1] == 'M') {
			little = false;
		}
		else {
			return NONE;
		}
		Tiff tiff = new Tiff(t, little);
		if (tiff.u16(2) != 42) {
			return NONE;
		}
		int ifd0 = (int) tiff.u32(4);
		int orientation = 1;
		long gpsIfd = -1;
		int count = tiff.u16(ifd0);
		for (int i = 0; i < count; i++) {
			int entry = ifd0 + 2 + 12 * i;
			int tag = tiff.u16(entry);
			if (tag == TAG_ORIENTATION) {
				int value = tiff.u16(entry + 8);
				orientation = value >= 1 && value <= 8 ? value : 1;
			}
			else if (tag == TAG_GPS_IFD) {
				gpsIfd = tiff.u32(entry + 8);
			}
		}
		return new Exif(orientation, gpsIfd > 0 ? gps(tiff, (int) gpsIfd) : Optional.empty());
	}

	private static Optional<PhotoPosition> gps(Tiff tiff, int ifd) {
		char latRef = 0;
		char lonRef = 0;
		Double lat = null;
		Double lon = null;
		int count = tiff.u16(ifd);
		for (int i = 0; i < count; i++) {
			int entry = ifd + 2 + 12 * i;
			switch (tiff.u16(entry)) {
				case 1 -> latRef = (char) tiff.t[entry + 8];
				case 2 -> lat = degrees(tiff, entry);
				case 3 -> lonRef = (char) tiff.t[entry + 8];
				case 4 -> lon = degrees(tiff, entry);
				default -> {
				}
			}
		}
		if (lat == null || lon == null || Double.isNaN(lat) || Double.isNaN(lon)) {
			return Optional.empty();
		}
		double latitude = latRef == 'S' ? -lat : lat;
		double longitude = lonRef == 'W' ? -lon : lon;
		if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude == 0 && longitude == 0)) {
			return Optional.empty(); // 0,0 is what cameras without a fix write
		}
		return Optional.of(new PhotoPosition(latitude, longitude));
	}

	/** Degrees, minutes and seconds as three RATIONALs (type 5), folded into decimal degrees. */
	private static Double degrees(Tiff tiff, int entry) {
		if (tiff.u16(entry + 2) != 5 || tiff.u32(entry + 4) != 3) {
			return null;
		}
		int offset = (int) tiff.u32(entry + 8);
		double result = 0;
		double unit = 1;
		for (int i = 0; i < 3; i++) {
			long numerator = tiff.u32(offset + 8 * i);
			long denominator = tiff.u32(offset + 8 * i + 4);
			if (denominator == 0) {
				return Double.NaN;
			}
			result += (double) numerator / denominator / unit;
			unit *= 60;
		}
		return result;
	}

	private record Tiff(byte[] t, boolean little) {

		int u16(int at) {
			return little ? (t[at] & 0xFF) | (t[at + 1] & 0xFF) << 8 : u16be(t, at);
		}

		long u32(int at) {
			return little ? u32le(t, at) : u32be(t, at);
		}
	}

	private static boolean startsWith(byte[] b, int at, byte[] prefix) {
		if (at + prefix.length > b.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (b[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u16be(byte[] b, int at) {
		return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
	}

	private static long u32be(byte[] b, int at) {
		return ((long) (b[at] & 0xFF) << 24) | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
	}

	private static long u32le(byte[] b, int at) {
		return ((long) (b[at + 3] & 0xFF) << 24) | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
	}
}
