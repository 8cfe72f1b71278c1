package org.zhizhi.property.web;

import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.shared.spreadsheet.Xlsx;

/** The yearly ratings as .xlsx, for the industry committee's report: company, year, score, grade, title. */
final class RatingsWorkbook {

	private RatingsWorkbook() {
	}

	static byte[] of(List<RatingView> ratings, MessageSource messages, Locale locale) {
		return Xlsx.workbook(book -> {
			Sheet sheet = book.createSheet(messages.getMessage("property.ratings.sheet", null, locale));
			Xlsx.header(sheet, key -> messages.getMessage(key, null, key, locale), "property.field.company",
					"property.field.year", "property.field.score", "property.field.grade", "property.field.title");
			int r = 1;
			for (RatingView rating : ratings) {
				Xlsx.row(sheet, r++, rating.companyName(), rating.year(), rating.score(),
						messages.getMessage("property.grade." + rating.grade(), null, locale),
						rating.titled() ? messages.getMessage("property.title", null, locale) : "");
			}
		});
	}
}
