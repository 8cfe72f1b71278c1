package org.zhizhi.partnership.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Quantities as the partnership pages show them ({@code ${@amounts.of(x)}}): grouped thousands and the decimals the
 * value has, up to the two the lists allow — 2.5 hours is 2.5, not 3, and ¥600,000 has no ".00".
 */
@Component("amounts")
class Amounts {

	public String of(BigDecimal value) {
		if (value == null) {
			return "—";
		}
		// a DecimalFormat is not thread-safe: one per call, they are cheap
		return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}
}
