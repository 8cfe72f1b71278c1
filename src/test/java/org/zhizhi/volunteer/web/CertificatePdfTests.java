package org.zhizhi.volunteer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.zhizhi.shared.documents.ChineseFont;
import org.zhizhi.volunteer.Certificate;

/**
 * The certificate's PDF carries every field 民政部令第67号 names — the volunteer's name, ID type and masked number,
 * volunteer number, hours, what he did, the issuer, handler, contact, number and date — and never the full ID number.
 */
class CertificatePdfTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final ChineseFont FONT = new ChineseFont("");

	@Test
	void thePdfCarriesTheFieldsTheRulesName() throws Exception {
		Certificate c = new Certificate(UUID.randomUUID(), "ZM2026-000042", UUID.randomUUID(), "睦邻志愿服务队", "东城社区",
				"/x/", UUID.randomUUID(), "张建华", "ZYZ00000007", "居民身份证", "5001**********1234", 750, 9,
				LocalDate.of(2026, 1, 10), LocalDate.of(2026, 11, 28), "参加睦邻志愿服务队组织的志愿服务活动 9 次：楼道清扫 5 次、反诈宣传 4 次",
				"陈党员", "023-62600011", UUID.randomUUID(), Instant.parse("2026-12-06T02:00:00Z"));

		byte[] pdf = CertificatePdf.render(c, ZONE, "https://zhizhi.example/public/volunteer/certificates?number=ZM2026-000042",
				FONT.create());

		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("one page to print").isEqualTo(1);
			PDResources resources = document.getPage(0).getResources();
			for (COSName name : resources.getFontNames()) {
				assertThat(resources.getFont(name).isEmbedded())
					.as("set in a font of the machine, embedded, where it has one (CI installs fonts-noto-cjk)")
					.isEqualTo(FONT.embedded());
			}
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
		assertThat(text).contains("志愿服务记录证明", "张建华", "居民身份证", "5001**********1234", "ZYZ00000007", "12.5小时",
				"750分钟", "楼道清扫5次", "东城社区睦邻志愿服务队", "陈党员", "023-62600011", "ZM2026-000042", "2026年12月6日",
				"2026年1月10日至2026年11月28日", "民政部令第67号");
	}

	@Test
	void aVolunteerWithoutARegisteredIdSaysSo() throws Exception {
		Certificate c = new Certificate(UUID.randomUUID(), "ZM2026-000043", UUID.randomUUID(), "先锋骑士志愿服务队", "龙锦社区",
				"/x/", UUID.randomUUID(), "刘骑手", "ZYZ00000008", "居民身份证", null, 60, 1, LocalDate.of(2026, 12, 5),
				LocalDate.of(2026, 12, 5), "参加先锋骑士志愿服务队组织的志愿服务活动 1 次：送药 1 次", "刘骑手", "023-66220140",
				UUID.randomUUID(), Instant.parse("2026-12-06T02:00:00Z"));

		String text = textOf(CertificatePdf.render(c, ZONE, "https://x/", FONT.create()));

		assertThat(text).contains("未在本平台登记", "1.0小时");
	}

	/** The text of a PDF as a reader copies it, without white space. */
	static String textOf(byte[] pdf) throws java.io.IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
	}
}
