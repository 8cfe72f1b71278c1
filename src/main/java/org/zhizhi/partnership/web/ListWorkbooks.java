package org.zhizhi.partnership.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zhizhi.partnership.Claim;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ListItem;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.partnership.PartnershipViews.Contribution;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.spreadsheet.Xlsx;

/** The .xlsx exports: the three lists, one sheet each, and a unit's contribution record. No person's data in either. */
@Component
class ListWorkbooks {

	static final MediaType XLSX = Xlsx.MEDIA_TYPE;

	private final PartnershipQueries queries;

	private final MessageSource messages;

	ListWorkbooks(PartnershipQueries queries, MessageSource messages) {
		this.queries = queries;
		this.messages = messages;
	}

	private String m(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}

	byte[] lists(Actor actor, UUID communityId) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			for (ItemKind kind : ItemKind.values()) {
				Sheet sheet = book.createSheet(m("partnership.kind." + kind));
				header(sheet, "partnership.community", "partnership.item.title", "partnership.item.category",
						"partnership.item.offeredBy", "partnership.item.quantity", "partnership.item.claimed",
						"partnership.item.measure", "partnership.item.periodStart", "partnership.item.periodEnd",
						"partnership.item.status", "partnership.item.description");
				int r = 1;
				for (ListItem i : queries.exportItems(actor, communityId, kind)) {
					row(sheet, r++, i.communityName(), i.title(), m("partnership.category." + i.category()),
							i.offeredByName(), i.quantity(), i.claimed(), m("partnership.measure." + i.measure()),
							i.periodStart(), i.periodEnd(), m("partnership.status." + i.status()), i.description());
				}
			}
			return bytes(book);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] contribution(Actor actor, UUID partnerId) {
		PartnerUnit unit = queries.partner(actor, partnerId);
		Contribution total = queries.contribution(actor, partnerId, null);
		List<Claim> claims = queries.claimsOf(actor, partnerId);
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet sheet = book.createSheet(m("partnership.contribution"));
			header(sheet, "partnership.partner.name", "partnership.contribution.value", "partnership.contribution.hours",
					"partnership.contribution.projects", "partnership.contribution.people");
			row(sheet, 1, unit.name(), total.valueYuan(), total.hours(), total.projects(), total.peopleServed());
			Sheet pledges = book.createSheet(m("partnership.pledges"));
			header(pledges, "partnership.item.title", "partnership.claim.amount", "partnership.claim.dueOn",
					"partnership.item.status", "partnership.contribution.value", "partnership.contribution.hours",
					"partnership.contribution.people");
			int r = 1;
			for (Claim c : claims) {
				row(pledges, r++, c.itemTitle(), c.amount(), c.dueOn(), m("partnership.claimStatus." + c.status()),
						c.valueYuan(), c.hours(), c.peopleServed());
			}
			return bytes(book);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void header(Sheet sheet, String... keys) {
		Xlsx.header(sheet, this::m, keys);
	}

	private static void row(Sheet sheet, int index, Object... values) {
		Xlsx.row(sheet, index, values);
	}

	private static byte[] bytes(XSSFWorkbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

	static ResponseEntity<byte[]> download(byte[] bytes, String filename) {
		return Xlsx.download(bytes, filename);
	}
}
