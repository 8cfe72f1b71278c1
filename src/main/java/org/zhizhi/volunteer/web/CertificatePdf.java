package org.zhizhi.volunteer.web;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.zhizhi.shared.documents.ChineseFont;
import org.zhizhi.volunteer.Certificate;

/**
 * A certificate of service hours as a one-page A4 PDF: the statement of service in words, then each field 民政部令第67号
 * names in a table, the issuer and the date, and where to check the number; set in the {@link ChineseFont}.
 */
final class CertificatePdf {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private CertificatePdf() {
	}

	static byte[] render(Certificate c, ZoneId zone, String verifyUrl, BaseFont song) {
		{
			Font title = new Font(song, 22, Font.BOLD);
			Font body = new Font(song, 12);
			Font small = new Font(song, 9);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 64, 64, 72, 56);
			PdfWriter.getInstance(document, out);
			document.addTitle("志愿服务记录证明 " + c.number());
			document.addCreator("智治 基层智治平台");
			document.open();

			Paragraph heading = new Paragraph("志愿服务记录证明", title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingAfter(6);
			document.add(heading);
			Paragraph number = new Paragraph("证明编号：" + c.number(), small);
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingAfter(18);
			document.add(number);

			Paragraph statement = new Paragraph(24, "    兹证明 " + c.personName() + "（" + idLine(c) + "，志愿者编号 "
					+ c.volunteerNumber() + "）于 " + DAY.format(c.servedFrom()) + " 至 " + DAY.format(c.servedTo())
					+ " 参加" + c.teamName() + "组织的志愿服务活动 " + c.activities() + " 次，经记录并审核的志愿服务时长累计 "
					+ c.hours() + " 小时。" + "\n    特此证明。", body);
			statement.setSpacingAfter(18);
			document.add(statement);

			PdfPTable fields = new PdfPTable(new float[] { 1.2f, 3.2f });
			fields.setWidthPercentage(100);
			row(fields, "志愿者姓名", c.personName(), body);
			row(fields, "证件类型", c.idType(), body);
			row(fields, "证件号码", c.idMasked() == null ? "未在本平台登记" : c.idMasked(), body);
			row(fields, "志愿者编号", c.volunteerNumber(), body);
			row(fields, "服务时长", c.hours() + " 小时（" + c.minutes() + " 分钟）", body);
			row(fields, "服务期间", DAY.format(c.servedFrom()) + " 至 " + DAY.format(c.servedTo()), body);
			row(fields, "服务内容", c.content(), body);
			row(fields, "出具组织", c.orgUnitName() + " " + c.teamName(), body);
			row(fields, "经办人", c.handlerName(), body);
			row(fields, "联系方式", c.contact(), body);
			row(fields, "证明编号", c.number(), body);
			row(fields, "出具日期", DAY.format(c.issuedAt().atZone(zone)), body);
			document.add(fields);

			Paragraph issuer = new Paragraph(24, c.orgUnitName() + " " + c.teamName() + "\n"
					+ DAY.format(c.issuedAt().atZone(zone)), body);
			issuer.setAlignment(Element.ALIGN_RIGHT);
			issuer.setSpacingBefore(28);
			document.add(issuer);

			Paragraph note = new Paragraph(14, "本证明依据《志愿服务记录与证明出具办法》（民政部令第67号），由记录志愿服务信息的组织"
					+ "根据其记录出具，时长为组织者审核确认的实际服务时间（不含往返路程）。真伪可凭证明编号核验：\n" + verifyUrl, small);
			note.setSpacingBefore(36);
			document.add(note);
			document.close();
			return out.toByteArray();
		}
	}

	private static String idLine(Certificate c) {
		return c.idType() + " " + (c.idMasked() == null ? "未登记" : c.idMasked());
	}

	private static void row(PdfPTable table, String label, String value, Font font) {
		PdfPCell name = new PdfPCell(new Phrase(label, font));
		name.setPadding(7);
		name.setBackgroundColor(new java.awt.Color(0xF2, 0xF4, 0xF7));
		name.setBorder(Rectangle.BOX);
		table.addCell(name);
		PdfPCell text = new PdfPCell(new Phrase(value, font));
		text.setPadding(7);
		table.addCell(text);
	}
}
