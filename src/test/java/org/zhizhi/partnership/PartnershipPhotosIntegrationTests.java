package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.media.Documents;
import org.zhizhi.media.Documents.Accept;
import org.zhizhi.media.Documents.Checked;
import org.zhizhi.shared.DomainException;

/**
 * Partnership's photos go through the media module like every other photo: judged by content, re-encoded without
 * their metadata; agreements' PDFs stay as they were uploaded — through the media module's Documents, the bean
 * partnership is wired with.
 */
@ZhizhiIntegrationTest
class PartnershipPhotosIntegrationTests {

	static final byte[] SECRET = "home at 29.55N 106.55E".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	Documents documents;

	@Test
	void aPhotoIsReencodedWithoutItsMetadata() {
		Checked checked = documents.check(withComment(TestPhotos.jpeg(Color.ORANGE), SECRET), Accept.IMAGE);
		assertThat(checked.mediaType()).isEqualTo("image/jpeg");
		assertThat(checked.bytes()).startsWith(0xff, 0xd8, 0xff);
		assertThat(new String(checked.bytes(), StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(SECRET, StandardCharsets.ISO_8859_1));
	}

	@Test
	void webpIsTakenNowAsEveryPhotoOfThePlatform() {
		byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
		assertThat(documents.check(webp, Accept.IMAGE).mediaType()).isEqualTo("image/jpeg");
	}

	@Test
	void anythingElseIsRefusedInMediasWordsAndAPdfAgreementIsKeptAsIs() {
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> documents.check(pdf, Accept.IMAGE)).isInstanceOfSatisfying(DomainException.class,
				refused -> assertThat(refused.fieldProblems()).singleElement()
					.satisfies(problem -> assertThat(problem.field()).isEqualTo("file"))
					.satisfies(problem -> assertThat(problem.messageKey()).isEqualTo("media.document.notAnImage")));
		assertThatThrownBy(() -> documents.check("<html>".getBytes(StandardCharsets.UTF_8), Accept.IMAGE_OR_PDF))
			.isInstanceOfSatisfying(DomainException.class, refused -> assertThat(refused.fieldProblems())
				.singleElement()
				.satisfies(problem -> assertThat(problem.messageKey()).isEqualTo("media.document.notImageOrPdf")));
		Checked agreement = documents.check(pdf, Accept.IMAGE_OR_PDF);
		assertThat(agreement.mediaType()).isEqualTo("application/pdf");
		assertThat(agreement.bytes()).isEqualTo(pdf);
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
