package org.zhizhi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.zhizhi.media.PhotosTests.assertRefused;
import static org.zhizhi.media.PhotosTests.contains;
import static org.zhizhi.media.PhotosTests.hasSegment;
import static org.zhizhi.media.PhotosTests.image;
import static org.zhizhi.media.PhotosTests.jpeg;
import static org.zhizhi.media.PhotosTests.tiffWithGps;
import static org.zhizhi.media.PhotosTests.withExif;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhizhi.media.processing.Exif;
import org.zhizhi.media.processing.HeifConvertTool;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.processing.HeifHeader;
import org.zhizhi.media.processing.PhotoFormat;
import org.zhizhi.media.store.FileSystemPhotoStore;
import org.zhizhi.shared.DomainException;

/**
 * HEIC, as iPhones take photos, through the real libheif tools: the fixtures are made here by {@code heif-enc} from a
 * generated JPEG with GPS EXIF (heif-enc 1.15 carries the EXIF over into the HEIC's Exif item), and read back by
 * {@code heif-convert}. Both come with Debian's libheif-examples, which CI installs; without them these tests fail,
 * saying so, rather than skip.
 */
class PhotosHeicTests {

	static final String INSTALL = "HEIC tests need libheif's heif-enc and heif-convert: apt-get install -y libheif-examples";

	@TempDir
	Path dataDir;

	Path tempRoot;

	CountingConverter converter;

	Photos photos;

	@BeforeEach
	void setUp() {
		tempRoot = dataDir.resolve("tmp");
		converter = new CountingConverter(realConverter(tempRoot));
		photos = photos(PhotoLimits.DEFAULTS, converter);
	}

	@Test
	void acceptsHeicReadsItsGpsPositionAndServesAMetadataFreeJpegWithAThumbnail() throws IOException {
		// Orientation 6 in the EXIF, but no rotation in the HEIF itself: a HEIC is oriented by its irot/imir only.
		byte[] heic = heic(withExif(jpeg(image(640, 400, false)), tiffWithGps(6, 29, 31, 48, 'N', 106, 33, 36, 'E')));
		assertThat(PhotoFormat.sniff(heic)).hasValue(PhotoFormat.HEIC);
		assertThat(HeifHeader.of(heic).largestPixels()).isEqualTo(640 * 400);

		StoredPhoto stored = photos.store(heic);

		assertThat(stored.sourceFormat()).isEqualTo("HEIC");
		assertThat(stored.position()).hasValueSatisfying(position -> {
			assertThat(position.latitude()).isCloseTo(29.53, within(1e-9));
			assertThat(position.longitude()).isCloseTo(106.56, within(1e-9));
		});
		assertThat(stored.width()).isEqualTo(640);
		assertThat(stored.height()).isEqualTo(400);
		assertThat(stored.thumbnailWidth()).isEqualTo(320);
		assertThat(stored.thumbnailHeight()).isEqualTo(200);
		byte[] served = photos.photo(stored.id()).orElseThrow();
		byte[] thumbnail = photos.thumbnail(stored.id()).orElseThrow();
		for (byte[] version : new byte[][] { served, thumbnail }) {
			assertThat(PhotoFormat.sniff(version)).hasValue(PhotoFormat.JPEG);
			assertThat(Exif.of(PhotoFormat.JPEG, version)).isEqualTo(Exif.NONE);
			assertThat(contains(version, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
			assertThat(hasSegment(version, 0xE1)).as("no APP1 (EXIF/XMP) segment").isFalse();
		}
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(served));
		assertThat(picture.getWidth()).isEqualTo(640);
		// the generated picture is red with a green top-right quarter: the pixels survived two lossy codecs
		assertThat(green(picture.getRGB(600, 40))).isGreaterThan(200);
		assertThat(red(picture.getRGB(40, 360))).isGreaterThan(170);
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(320);
		assertThat(converter.calls.get()).isEqualTo(1);
		assertThat(leftovers(tempRoot)).as("temporary files").isEmpty();
	}

	@Test
	void heifConvertCopiesTheExifIntoItsJpegWhichIsWhyThePositionIsReadThere() throws IOException {
		byte[] heic = heic(withExif(jpeg(image(64, 40, false)), tiffWithGps(1, 29, 31, 48, 'S', 106, 33, 36, 'W')));

		byte[] intermediate = realConverter(tempRoot).toJpeg(heic);

		assertThat(PhotoFormat.sniff(intermediate)).hasValue(PhotoFormat.JPEG);
		assertThat(Exif.of(PhotoFormat.JPEG, intermediate).position()).hasValueSatisfying(p -> {
			assertThat(p.latitude()).isCloseTo(-29.53, within(1e-9));
			assertThat(p.longitude()).isCloseTo(-106.56, within(1e-9));
		});
		assertThat(photos.store(heic).position()).isPresent();
		assertThat(photos.store(heic(jpeg(image(64, 40, false)))).position()).as("a HEIC without EXIF").isEmpty();
	}

	@Test
	void aFileCalledHeicThatIsNotHeicIsRefusedByItsContent() throws IOException {
		// The name never reaches Photos (the controllers pass only the bytes); these are what "IMG_0001.HEIC" held.
		assertRefused(photos, "not a photo at all, saved as IMG_0001.HEIC".getBytes(StandardCharsets.UTF_8),
				"PHOTO_UNSUPPORTED_FORMAT", "photo.unsupportedFormat.withHeic");
		byte[] avif = Arrays.copyOf("\0\0\0\u0018ftypavif\0\0\0\0avifmiaf".getBytes(StandardCharsets.ISO_8859_1), 64);
		assertRefused(photos, avif, "PHOTO_UNSUPPORTED_FORMAT", "photo.unsupportedFormat.withHeic");
		// The right first bytes and nothing behind them: no image declared, so the converter is not even started.
		byte[] onlyTheBrand = Arrays.copyOf("\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1),
				512);
		assertRefused(photos, onlyTheBrand, "PHOTO_UNREADABLE", "photo.unreadable");
		assertThat(converter.calls.get()).isZero();
		// A real HEIC cut after its header: heif-convert fails on it, and that is told as unreadable.
		byte[] heic = heic(jpeg(image(640, 400, false)));
		byte[] cut = Arrays.copyOf(heic, heic.length / 2);
		assertThat(HeifHeader.of(cut).declaresAnyImage()).isTrue();
		assertRefused(photos, cut, "PHOTO_UNREADABLE", "photo.unreadable");
		assertThat(converter.calls.get()).isEqualTo(1);
		assertThat(leftovers(tempRoot)).isEmpty();
		// And a JPEG called .heic is simply a JPEG.
		assertThat(photos.store(jpeg(image(40, 20, false))).sourceFormat()).isEqualTo("JPEG");
	}

	@Test
	void refusesAHeicOverTheLimitsBeforeConvertingIt() throws IOException {
		byte[] heic = heic(jpeg(image(640, 400, false)));

		Photos small = photos(new PhotoLimits(heic.length - 1, 40_000_000, 2560, 320, 0.85f), converter);
		assertRefused(small, heic, "PHOTO_TOO_LARGE", "photo.tooLarge");
		Photos fewPixels = photos(new PhotoLimits(10_000_000, 200_000, 2560, 320, 0.85f), converter);
		assertRefused(fewPixels, heic, "PHOTO_TOO_MANY_PIXELS", "photo.tooManyPixels");

		// A real HEIC whose header was edited to declare 60,000 × 60,000 pixels: refused from the ispe box alone.
		byte[] bomb = heic.clone();
		byte[] ispe = "ispe".getBytes(StandardCharsets.ISO_8859_1);
		int edited = 0;
		for (int at = 0; at + 16 <= bomb.length; at++) {
			if (Arrays.equals(bomb, at, at + 4, ispe, 0, 4)) {
				java.nio.ByteBuffer.wrap(bomb, at + 8, 8).putInt(60_000).putInt(60_000);
				edited++;
			}
		}
		assertThat(edited).isPositive();
		assertRefused(photos, bomb, "PHOTO_TOO_MANY_PIXELS", "photo.tooManyPixels");
		assertThat(converter.calls.get()).as("nothing was handed to heif-convert").isZero();
	}

	@Test
	void withoutTheConverterHeicIsRefusedWithAClearChineseMessage() throws IOException {
		Photos withoutTool = photos(PhotoLimits.DEFAULTS, HeifConverter.ABSENT);

		assertRefused(withoutTool, heic(jpeg(image(64, 40, false))), "PHOTO_HEIC_UNSUPPORTED", "photo.heicUnavailable");
		assertRefused(withoutTool, "text".getBytes(StandardCharsets.UTF_8), "PHOTO_UNSUPPORTED_FORMAT",
				"photo.unsupportedFormat");
		ResourceBundle zh = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE);
		assertThat(zh.getString("photo.heicUnavailable"))
			.isEqualTo("暂不支持 HEIC，请在手机相机设置中选择“兼容性最佳”或上传 JPG。");
		assertThat(zh.getString("photo.unsupportedFormat.withHeic")).contains("HEIC");
		assertThat(HeifConvertTool.find("no-such-heif-convert", Duration.ofSeconds(5), 1 << 20, tempRoot).available())
			.isFalse();
		assertThat(HeifConvertTool.find("none", Duration.ofSeconds(5), 1 << 20, tempRoot)).isSameAs(HeifConverter.ABSENT);
	}

	@Test
	void aConversionThatHangsIsStoppedAtTheTimeoutAndLeavesNothingBehind() throws Exception {
		// A stand-in for heif-convert that never finishes; it notes its process id where the test can see it.
		Path pidFile = dataDir.resolve("hanging.pid");
		Path hanging = dataDir.resolve("hanging-heif-convert");
		Files.writeString(hanging, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 60\n");
		Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
		HeifConvertTool tool = new HeifConvertTool(hanging, "a hanging test double", Duration.ofMillis(700), 1 << 20,
				tempRoot, 1);
		Photos withHangingTool = photos(PhotoLimits.DEFAULTS, tool);
		byte[] heic = heic(jpeg(image(64, 40, false)));

		long started = System.nanoTime();
		assertThatThrownBy(() -> withHangingTool.store(heic)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("photo.conversionTimedOut"));
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(tookMillis).isBetween(700L, 10_000L);
		long pid = Long.parseLong(Files.readString(pidFile).strip());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the stand-in was killed")
			.isFalse();
		assertThat(leftovers(tempRoot)).isEmpty();
	}

	@Test
	void recognisesTheHeifBrandsIPhonesAndOtherCamerasWrite() {
		for (String ftyp : List.of("ftypheic\0\0\0\0mif1heic", "ftypheix\0\0\0\0mif1heix", "ftypmif1\0\0\0\0mif1heic",
				"ftypmsf1\0\0\0\0msf1hevc", "ftyphevc\0\0\0\0msf1hevc", "ftypheim\0\0\0\0", "ftypheis\0\0\0\0",
				"ftypMiHE\0\0\0\0heicmif1")) {
			byte[] file = Arrays.copyOf(("\0\0\0\u0018" + ftyp).getBytes(StandardCharsets.ISO_8859_1), 32);
			assertThat(PhotoFormat.sniff(file)).as(ftyp).hasValue(PhotoFormat.HEIC);
		}
		byte[] mp4 = Arrays.copyOf("\0\0\0\u0018ftypisom\0\0\0\0isomavc1".getBytes(StandardCharsets.ISO_8859_1), 32);
		assertThat(PhotoFormat.sniff(mp4)).isEmpty();
	}

	// --- fixtures ---------------------------------------------------------------------------------------------------

	private Photos photos(PhotoLimits limits, HeifConverter heif) {
		return new Photos(new FileSystemPhotoStore(dataDir.resolve("photos")), new PhotosTests.InMemoryCatalog(),
				limits, heif, Clock.systemUTC(), new SimpleMeterRegistry());
	}

	/** The converter as the application configures it, or a failure telling how to install it. */
	static HeifConverter realConverter(Path tempRoot) {
		HeifConverter converter = HeifConvertTool.find("heif-convert", Duration.ofSeconds(60), 3L * 40_000_000,
				tempRoot);
		if (!converter.available()) {
			fail("heif-convert with a HEVC decoder was not found. " + INSTALL);
		}
		return converter;
	}

	/** Encodes a JPEG as HEIC with libheif's heif-enc (x265), which keeps the JPEG's EXIF as the HEIC's Exif item. */
	static byte[] heic(byte[] jpeg) throws IOException {
		Path dir = Files.createTempDirectory("zhizhi-heic-fixture-");
		try {
			Path input = dir.resolve("in.jpg");
			Path output = dir.resolve("out.heic");
			Files.write(input, jpeg);
			Process process;
			try {
				process = new ProcessBuilder("heif-enc", "-q", "60", "-o", output.toString(), input.toString())
					.redirectErrorStream(true)
					.redirectOutput(dir.resolve("log.txt").toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
					.start();
			}
			catch (IOException ex) {
				throw new AssertionError("heif-enc could not be started. " + INSTALL, ex);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(output)) {
				process.destroyForcibly();
				throw new AssertionError("heif-enc failed: " + Files.readString(dir.resolve("log.txt")));
			}
			return Files.readAllBytes(output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	private static List<Path> leftovers(Path root) throws IOException {
		if (!Files.exists(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(root)) {
			return paths.toList();
		}
	}

	private static int red(int rgb) {
		return rgb >> 16 & 0xFF;
	}

	private static int green(int rgb) {
		return rgb >> 8 & 0xFF;
	}

	/** The real converter, counting how often it is asked: limits must refuse before it runs. */
	static final class CountingConverter implements HeifConverter {

		final AtomicInteger calls = new AtomicInteger();

		private final HeifConverter real;

		CountingConverter(HeifConverter real) {
			this.real = real;
		}

		@Override
		public boolean available() {
			return real.available();
		}

		@Override
		public byte[] toJpeg(byte[] heic) {
			calls.incrementAndGet();
			return real.toJpeg(heic);
		}
	}
}
