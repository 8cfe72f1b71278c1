package org.zhizhi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhizhi.media.persistence.PhotoCatalog;
import org.zhizhi.media.processing.Exif;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.processing.PhotoFormat;
import org.zhizhi.media.processing.PhotoProcessor;
import org.zhizhi.media.store.FileSystemPhotoStore;
import org.zhizhi.shared.DomainException;

/** Uploads are judged by content, limits hold before decoding, and what is served carries no metadata. */
class PhotosTests {

	@TempDir
	Path dataDir;

	FileSystemPhotoStore store;

	Photos photos;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void setUp() {
		store = new FileSystemPhotoStore(dataDir.resolve("photos"));
		photos = new Photos(store, new InMemoryCatalog(), PhotoLimits.DEFAULTS, HeifConverter.ABSENT, Clock.systemUTC(), meters);
	}

	@Test
	void readsTheGpsPositionAndServesJpegsWithoutAnyMetadata() throws IOException {
		byte[] upload = withExif(jpeg(image(40, 20, false)), tiffWithGps(1, 29, 31, 48, 'N', 106, 33, 36, 'E'));
		assertThat(Exif.of(PhotoFormat.JPEG, upload).position()).isPresent();

		StoredPhoto stored = photos.store(upload);

		assertThat(stored.position()).hasValueSatisfying(position -> {
			assertThat(position.latitude()).isCloseTo(29.53, within(1e-9));
			assertThat(position.longitude()).isCloseTo(106.56, within(1e-9));
		});
		assertThat(stored.sourceFormat()).isEqualTo("JPEG");
		byte[] served = photos.photo(stored.id()).orElseThrow();
		byte[] thumbnail = photos.thumbnail(stored.id()).orElseThrow();
		for (byte[] version : new byte[][] { served, thumbnail }) {
			assertThat(Exif.of(PhotoFormat.JPEG, version)).isEqualTo(Exif.NONE);
			assertThat(contains(version, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
			assertThat(hasSegment(version, 0xE1)).as("no APP1 (EXIF/XMP) segment").isFalse();
			assertThat(PhotoFormat.sniff(version)).hasValue(PhotoFormat.JPEG);
		}
		assertThat(served).isNotEqualTo(upload);
	}

	@Test
	void turnsThePixelsUprightByTheExifOrientation() throws IOException {
		BufferedImage source = image(40, 20, false);
		source.setRGB(0, 0, 0x0000FF); // a blue mark in the top-left corner of the sensor image
		// Orientation 6: the camera was turned clockwise, so the picture is turned clockwise to display.
		BufferedImage turned = PhotoProcessor.orient(rgb(source), 6);
		assertThat(turned.getWidth()).isEqualTo(20);
		assertThat(turned.getHeight()).isEqualTo(40);
		assertThat(turned.getRGB(19, 0) & 0xFFFFFF).isEqualTo(0x0000FF);

		StoredPhoto stored = photos.store(withExif(jpeg(source), tiffWithGps(6, 0, 0, 0, 'N', 0, 0, 0, 'E')));
		assertThat(stored.width()).isEqualTo(20);
		assertThat(stored.height()).isEqualTo(40);
		assertThat(stored.position()).as("0,0 is a camera without a fix").isEmpty();
	}

	@Test
	void makesAThumbnailWhoseLongSideIs320() throws IOException {
		StoredPhoto stored = photos.store(jpeg(image(1000, 500, false)));

		assertThat(stored.width()).isEqualTo(1000);
		assertThat(stored.thumbnailWidth()).isEqualTo(320);
		assertThat(stored.thumbnailHeight()).isEqualTo(160);
		BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(photos.thumbnail(stored.id()).orElseThrow()));
		assertThat(thumbnail.getWidth()).isEqualTo(320);
		assertThat(thumbnail.getHeight()).isEqualTo(160);
		assertThat(stored.position()).isEmpty();
	}

	@Test
	void servesAtMost2560PixelsOnTheLongSide() throws IOException {
		StoredPhoto stored = photos.store(jpeg(image(6000, 2000, false)));

		assertThat(stored.width()).isEqualTo(2560);
		assertThat(stored.height()).isEqualTo(853);
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(photos.photo(stored.id()).orElseThrow()));
		assertThat(served.getWidth()).isEqualTo(2560);
		assertThat(stored.thumbnailWidth()).isEqualTo(320);
	}

	@Test
	void acceptsAPhotoWhoseExifIsDamagedButKeepsNoPosition() throws IOException {
		byte[] tiff = tiffWithGps(6, 29, 31, 48, 'N', 106, 33, 36, 'E');
		for (int cut : new int[] { 3, 10, 40, 100, 130 }) {
			StoredPhoto stored = photos.store(withExif(jpeg(image(40, 20, false)),
					java.util.Arrays.copyOf(tiff, cut)));
			assertThat(stored.position()).isEmpty();
		}
		byte[] pointingAway = tiff.clone();
		pointingAway[4] = 0x7F; // IFD0 offset far beyond the block
		assertThat(photos.store(withExif(jpeg(image(40, 20, false)), pointingAway)).position()).isEmpty();
	}

	@Test
	void neverEnlargesASmallPhotoForItsThumbnail() throws IOException {
		StoredPhoto stored = photos.store(png(image(100, 50, true)));

		assertThat(stored.sourceFormat()).isEqualTo("PNG");
		assertThat(stored.thumbnailWidth()).isEqualTo(100);
		assertThat(stored.thumbnailHeight()).isEqualTo(50);
	}

	@Test
	void reencodesWithoutKeepingAnything() throws IOException {
		byte[] upload = withExif(jpeg(image(40, 20, false)), tiffWithGps(1, 29, 31, 48, 'N', 106, 33, 36, 'E'));

		ReencodedPhoto photo = photos.reencode(upload);

		assertThat(photo.position()).isPresent();
		assertThat(photo.sourceFormat()).isEqualTo("JPEG");
		assertThat(Exif.of(PhotoFormat.JPEG, photo.jpeg())).isEqualTo(Exif.NONE);
		assertThat(hasSegment(photo.jpeg(), 0xE1)).isFalse();
		assertThat(dataDir.resolve("photos").toFile().list()).as("nothing stored").isNullOrEmpty();
		assertThatThrownBy(() -> photos.reencode("%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo("PHOTO_UNSUPPORTED_FORMAT"));
		// what the scrape shows: one JPEG taken, one upload refused for its format
		assertThat(meters.counter("zhizhi.photos", "outcome", "OK", "format", "JPEG").count()).isEqualTo(1);
		assertThat(meters.counter("zhizhi.photos", "outcome", "PHOTO_UNSUPPORTED_FORMAT", "format", "-").count())
			.isEqualTo(1);
	}

	@Test
	void acceptsWebp() {
		// The smallest lossy and lossless WebP files (1×1), as browsers' feature tests use them.
		for (String webp : new String[] { "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA",
				"UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==" }) {
			StoredPhoto stored = photos.store(Base64.getDecoder().decode(webp));
			assertThat(stored.sourceFormat()).isEqualTo("WEBP");
			assertThat(stored.width()).isEqualTo(1);
			assertThat(PhotoFormat.sniff(photos.photo(stored.id()).orElseThrow())).hasValue(PhotoFormat.JPEG);
		}
	}

	@Test
	void refusesAnSvgWhateverItIsCalled() {
		byte[] svg = """
				<?xml version="1.0"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
				""".getBytes(StandardCharsets.UTF_8);

		assertRefused(svg, "PHOTO_UNSUPPORTED_FORMAT", "photo.unsupportedFormat");
		assertRefused("just some text, saved as photo.jpg".getBytes(StandardCharsets.UTF_8),
				"PHOTO_UNSUPPORTED_FORMAT", "photo.unsupportedFormat");
		assertRefused("GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1), "PHOTO_UNSUPPORTED_FORMAT",
				"photo.unsupportedFormat");
		assertThat(dataDir.resolve("photos")).doesNotExist();
	}

	@Test
	void refusesAPixelBombFromItsHeaderWithoutDecodingIt() throws IOException {
		// A PNG that claims 100,000 × 100,000 pixels and carries no pixel data at all: decoding it would fail as
		// unreadable (or exhaust memory), so being told "too many pixels" proves only the header was read.
		assertRefused(pngHeaderOnly(100_000, 100_000), "PHOTO_TOO_MANY_PIXELS", "photo.tooManyPixels");

		// The same with a real JPEG whose frame header was edited to 60,000 × 60,000.
		byte[] jpeg = jpeg(image(16, 16, false));
		int sof = indexOfSegment(jpeg, 0xC0);
		jpeg[sof + 5] = (byte) 0xEA;
		jpeg[sof + 6] = (byte) 0x60;
		jpeg[sof + 7] = (byte) 0xEA;
		jpeg[sof + 8] = (byte) 0x60;
		assertRefused(jpeg, "PHOTO_TOO_MANY_PIXELS", "photo.tooManyPixels");
	}

	@Test
	void refusesFilesOverTheSizeLimitAndBrokenOnes() throws IOException {
		Photos strict = new Photos(store, new InMemoryCatalog(), new PhotoLimits(1000, 40_000_000, 2560, 320, 0.85f),
				HeifConverter.ABSENT, Clock.systemUTC(), new SimpleMeterRegistry());
		byte[] big = jpeg(image(400, 400, false));
		assertThat(big.length).isGreaterThan(1000);
		assertThatThrownBy(() -> strict.store(big)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("PHOTO_TOO_LARGE"));

		byte[] truncated = java.util.Arrays.copyOf(jpeg(image(64, 64, false)), 40);
		assertRefused(truncated, "PHOTO_UNREADABLE", "photo.unreadable");
		assertRefused(new byte[0], "PHOTO_EMPTY", "photo.empty");
	}

	@Test
	void deletesBothVersions() throws IOException {
		StoredPhoto stored = photos.store(jpeg(image(500, 300, false)));

		photos.delete(stored.id());

		assertThat(photos.photo(stored.id())).isEmpty();
		assertThat(photos.thumbnail(stored.id())).isEmpty();
	}

	@Test
	void keepsFilesUnderTheDataDirectoryAndRefusesPathsInIds() throws IOException {
		store.put("abc-123", new byte[] { 1, 2, 3 });

		assertThat(store.get("abc-123")).hasValue(new byte[] { 1, 2, 3 });
		assertThat(Files.exists(dataDir.resolve("photos/23/abc-123"))).isTrue();
		assertThat(store.get("never-stored")).isEmpty();
		store.delete("never-stored");
		for (String bad : new String[] { "../etc", "a/b", "..", "x\\y", "" }) {
			assertThatThrownBy(() -> store.get(bad)).isInstanceOf(IllegalArgumentException.class);
		}
	}

	static final class InMemoryCatalog implements PhotoCatalog {

		private final Map<UUID, StoredPhoto> rows = new ConcurrentHashMap<>();

		@Override
		public void add(StoredPhoto photo, Instant createdAt) {
			rows.put(photo.id(), photo);
		}

		@Override
		public Optional<StoredPhoto> find(UUID id) {
			return Optional.ofNullable(rows.get(id));
		}

		@Override
		public boolean remove(UUID id) {
			return rows.remove(id) != null;
		}
	}

	static void assertRefused(Photos photos, byte[] upload, String code, String messageKey) {
		assertThatThrownBy(() -> photos.store(upload)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.messageKey()).isEqualTo(messageKey);
			assertThat(ex.category()).isEqualTo(DomainException.Category.INVALID);
		});
	}

	private void assertRefused(byte[] upload, String code, String messageKey) {
		assertRefused(photos, upload, code, messageKey);
	}

	static BufferedImage image(int width, int height, boolean alpha) {
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 60, 40, alpha ? 128 : 255));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.GREEN);
		g.fillRect(width / 2, 0, width / 2, height / 2);
		g.dispose();
		return image;
	}

	private static BufferedImage rgb(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.getGraphics().drawImage(image, 0, 0, null);
		return rgb;
	}

	static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** Puts an APP1 "Exif" segment right after the JPEG's start-of-image marker, where cameras put it. */
	static byte[] withExif(byte[] file, byte[] tiff) {
		if (tiff == null) {
			return file;
		}
		int length = 2 + 6 + tiff.length;
		ByteBuffer out = ByteBuffer.allocate(file.length + 2 + length);
		out.put(file, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
		out.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
		out.put(file, 2, file.length - 2);
		return out.array();
	}

	/** A big-endian TIFF block with IFD0 (orientation, GPS pointer) and a GPS IFD, as a phone writes it. */
	static byte[] tiffWithGps(int orientation, int latD, int latM, int latS, char latRef, int lonD, int lonM,
			int lonS, char lonRef) {
		ByteBuffer t = ByteBuffer.allocate(140);
		t.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		t.putShort((short) 2);
		t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		t.putInt(0);
		t.putShort((short) 4);
		t.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) latRef).put((byte) 0).putShort((short) 0);
		t.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
		t.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) lonRef).put((byte) 0).putShort((short) 0);
		t.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
		t.putInt(0);
		t.putInt(latD).putInt(1).putInt(latM).putInt(1).putInt(latS * 100).putInt(100);
		t.putInt(lonD).putInt(1).putInt(lonM).putInt(1).putInt(lonS).putInt(1);
		return t.array();
	}

	private static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put("IHDR".getBytes(StandardCharsets.ISO_8859_1)).putInt(width).putInt(height);
		ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
		return png.array();
	}

	static boolean hasSegment(byte[] jpeg, int marker) {
		return indexOfSegment(jpeg, marker) >= 0;
	}

	/** Walks the JPEG's segments up to the image data and returns where the one with this marker starts. */
	static int indexOfSegment(byte[] jpeg, int marker) {
		int pos = 2;
		while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
			int current = jpeg[pos + 1] & 0xFF;
			if (current == marker) {
				return pos;
			}
			if (current == 0xDA) {
				return -1;
			}
			pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
		}
		return -1;
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
