package org.zhizhi.incident.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zhizhi.incident.kpi.KpiHistogram;
import org.zhizhi.incident.kpi.KpiHistogram.Median;

/** The distribution chart names its buckets as a person says them; the medians read as they always have. */
class KpiDurationsTests {

	private final KpiDurations durations = new KpiDurations(bundle());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void bucketsAreNamedInOneUnitWhereBothEndsShareIt() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		List<String> names = new ArrayList<>();
		for (int k = 0; k < KpiHistogram.BOUNDS_MINUTES.size(); k++) {
			names.add(durations.bucket(k));
		}
		assertThat(names).startsWith("0–1 分钟", "1–2 分钟", "2–5 分钟")
			.contains("45 分钟–1 小时", "1–1.5 小时", "1.5–2 小时", "18 小时–1 天", "1–1.5 天",
					"21–30 天")
			.endsWith("30 天 以上")
			.doesNotHaveDuplicates()
			.hasSize(KpiHistogram.BOUNDS_MINUTES.size());
	}

	@Test
	void inEnglishTheUnitsAreEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(durations.bucket(KpiHistogram.BOUNDS_MINUTES.indexOf(60))).isEqualTo("1–1.5 h");
		assertThat(durations.bucket(KpiHistogram.BOUNDS_MINUTES.indexOf(45))).isEqualTo("45 min to 1 h");
	}

	@Test
	void aMedianIsTheBucketThatHoldsIt() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(durations.span(new Median(120, 180, 5))).isEqualTo("2 小时–3 小时");
		assertThat(durations.span(new Median(1440, 2160, 3))).isEqualTo("1 天–36 小时");
		assertThat(durations.span(new Median(43200, null, 1))).isEqualTo("30 天 以上");
		assertThat(durations.span(null)).isEqualTo("—");
	}

	private static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
