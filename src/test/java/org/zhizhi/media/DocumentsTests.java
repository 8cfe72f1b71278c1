package org.zhizhi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhizhi.media.PhotosTests.image;
import static org.zhizhi.media.PhotosTests.jpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.zhizhi.media.Documents.Accept;
import org.zhizhi.media.Documents.Checked;
import org.zhizhi.media.PhotosTests.InMemoryCatalog;
import org.zhizhi.media.processing.HeifConverter;
import org.zhizhi.media.store.FileSystemPhotoStore;
import org.zhizhi.shared.DomainException;

/** Documents judged by their content, kept as files: a photo loses its metadata, a PDF stays as it came. */
class DocumentsTests {

	static final byte[] SECRET = "home at 29.55N 106.55E".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dataDir;

	Documents documents;

	@BeforeEach
	void setUp() throws IOException {
		Photos photos = new Photos(new FileSystemPhotoStore(dataDir.resolve("photos")), new InMemoryCatalog(),
				PhotoLimits.DEFAULTS, HeifConverter.ABSENT, Clock.systemUTC(), new SimpleMeterRegistry());
		documents = new Documents(dataDir.resolve("documents"), 10L * 1024 * 1024, photos);
	}

	@Test
	void aPhotoIsReencodedWithoutItsMetadata() throws IOException {
		Checked checked = documents.check(withComment(jpeg(image(64, 48, false)), SECRET), Accept.IMAGE);
		assertThat(checked.mediaType()).isEqualTo("image/jpeg");
		assertThat(checked.bytes()).startsWith(0xff, 0xd8, 0xff);
		assertThat(new String(checked.bytes(), StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
	}

	@Test
	void webpIsTakenAsEveryPhotoOfThePlatform() {
		byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
		assertThat(documents.check(webp, Accept.IMAGE).mediaType()).isEqualTo("image/jpeg");
	}

	@Test
	void aPdfIsKeptAsItCameWhereOneIsAcceptedAndRefusedWhereOnlyAPhotoIs() {
		assertRefused(() -> documents.check(PDF, Accept.IMAGE), "media.document.notAnImage");
		assertRefused(() -> documents.check("<html>".getBytes(StandardCharsets.UTF_8), Accept.IMAGE_OR_PDF),
				"media.document.notImageOrPdf");
		Checked agreement = documents.check(PDF, Accept.IMAGE_OR_PDF);
		assertThat(agreement.mediaType()).isEqualTo("application/pdf");
		assertThat(agreement.bytes()).isEqualTo(PDF);
		// the header alone is not a PDF: a truncated or disguised file has no trailer
		assertThat(Documents.isPdf("%PDF-1.4\n<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void nothingOrTooMuchIsRefusedOnTheFileField() throws IOException {
		assertRefused(() -> documents.check(new byte[0], Accept.IMAGE), "media.document.missing");
		assertRefused(() -> documents.check(null, Accept.IMAGE_OR_PDF), "media.document.missing");
		Documents small = new Documents(dataDir.resolve("small"), 100, null);
		assertRefused(() -> small.check(PDF.length > 100 ? PDF : new byte[101], Accept.IMAGE_OR_PDF),
				"media.document.tooLarge");
	}

	@Test
	void keepsServesAndForgetsTheFile() {
		UUID id = UUID.randomUUID();
		assertThat(documents.get(id)).isEmpty();
		documents.put(id, PDF);
		assertThat(documents.get(id)).hasValue(PDF);
		assertThat(documents.folder().resolve(id.toString())).exists();
		documents.delete(id);
		assertThat(documents.get(id)).isEmpty();
		documents.delete(id);
	}

	@Test
	void theFolderOfEarlierInstallationsIsTakenOverOnce() throws IOException {
		Path installed = dataDir.resolve("installed");
		Path earlier = Files.createDirectories(installed.resolve("partnership"));
		Files.write(earlier.resolve("signed"), PDF);
		MockEnvironment environment = new MockEnvironment().withProperty("zhizhi.data-dir", installed.toString());
		DocumentProperties defaults = new DocumentProperties(null, 10L * 1024 * 1024);

		Path folder = DocumentConfiguration.folder(defaults, environment);

		assertThat(folder).isEqualTo(installed.resolve("documents"));
		assertThat(folder.resolve("signed")).hasBinaryContent(PDF);
		assertThat(earlier).doesNotExist();
		assertThat(DocumentConfiguration.folder(new DocumentProperties(dataDir.resolve("elsewhere"), 1), environment))
			.isEqualTo(dataDir.resolve("elsewhere"));
		assertThat(DocumentConfiguration.folder(defaults,
				environment.withProperty("zhizhi.database.embedded.ephemeral", "true")).toString())
			.contains("zhizhi-documents-");
	}

	private static void assertRefused(Runnable check, String key) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class,
				refused -> assertThat(refused.fieldProblems()).singleElement().satisfies(problem -> {
					assertThat(problem.field()).isEqualTo("file");
					assertThat(problem.messageKey()).isEqualTo(key);
				}));
	}

	/** The JPEG with a comment segment (FFFE) right after its start: metadata the re-encoding must not carry over. */
	static byte[] withComment(byte[] jpeg, byte[] comment) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xff);
		out.write(0xfe);
		int length = comment.length + 2;
		out.write(length >> 8);
		out.write(length & 0xff);
		out.write(comment, 0, comment.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}
}
