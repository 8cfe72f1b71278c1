package org.zhizhi.incident.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.incident.deadline.WorkingCalendarTests.at;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.deadline.DeadlinePolicy.DueDates;

/** The beans the running platform gets: bound by Spring from the shipped configuration, not built by a test. */
@ZhizhiIntegrationTest
class DeadlineConfigurationIntegrationTests {

	@Autowired
	DeadlinePolicy policy;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void thePlatformsPolicyRunsOnThe2026CalendarWithTheCategoryOverrides() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).as("国庆节").isFalse();
		assertThat(policy.dueDates(WhistleType.QUICK, "OTHER", at("2026-03-06T17:00")))
			.isEqualTo(new DueDates(at("2026-03-09T10:00"), at("2026-03-09T12:00"), at("2026-03-09T17:00")));
		assertThat(policy.dueDates(WhistleType.QUICK, "MANHOLE_COVER", at("2026-03-06T22:00")).onSiteDue())
			.isEqualTo(at("2026-03-06T23:00"));
	}
}
