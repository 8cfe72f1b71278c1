package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.zhizhi.shared.PlatformZone;

class PageFormatTests {

	private final PageFormat format;

	PageFormatTests() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("format.endOfDay", Locale.SIMPLIFIED_CHINESE, "{0} 当日");
		format = new PageFormat(PlatformZone.DEFAULT, messages);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aRateHasOneDecimalWhateverItsValue() {
		assertThat(format.rate(0.8)).isEqualTo("80.0%");
		assertThat(format.rate(1.0)).isEqualTo("100.0%");
		assertThat(format.rate(4.0 / 7)).isEqualTo("57.1%");
		assertThat(format.rate(0)).isEqualTo("0.0%");
		assertThat(format.rate(null)).isEqualTo("—");
		assertThat(format.rate(Double.NaN)).isEqualTo("—");
	}

	@Test
	void aPercentIsWrittenAsARate() {
		assertThat(format.percent(80)).isEqualTo("80.0%");
		assertThat(format.percent(new BigDecimal("91.25"))).isEqualTo("91.3%");
		assertThat(format.percent(null)).isEqualTo("—");
	}

	@Test
	void aDeadlineAtMidnightIsTheEndOfTheDayBefore() {
		Instant midnight = Instant.parse("2026-12-07T16:00:00Z"); // 2026-12-08 00:00 in Chongqing

		assertThat(format.deadline(midnight)).isEqualTo("12-07 当日");
		assertThat(format.fullDeadline(midnight)).isEqualTo("2026-12-07 当日");
		assertThat(format.deadline(LocalDate.of(2026, 12, 7))).isEqualTo("12-07 当日");
	}

	@Test
	void aDeadlineAtAnyOtherTimeKeepsItsTime() {
		Instant afternoon = Instant.parse("2026-12-07T09:30:00Z"); // 17:30 in Chongqing
		Instant oneMinutePast = Instant.parse("2026-12-07T16:01:00Z");

		assertThat(format.deadline(afternoon)).isEqualTo("12-07 17:30");
		assertThat(format.fullDeadline(afternoon)).isEqualTo("2026-12-07 17:30");
		assertThat(format.deadline(oneMinutePast)).isEqualTo("12-08 00:01");
		assertThat(format.deadline((Instant) null)).isEqualTo("—");
	}

	@Test
	void yearsAndDaysAreWrittenWithoutGrouping() {
		assertThat(format.digits(1998)).isEqualTo("1998");
		assertThat(format.digits(12345678L)).isEqualTo("12345678");
		assertThat(format.day(Instant.parse("2026-02-10T01:30:00Z"))).isEqualTo("2026-02-10");
		assertThat(format.dateTime(Instant.parse("2026-02-10T01:30:00Z"))).isEqualTo("2026-02-10 09:30");
	}
}
