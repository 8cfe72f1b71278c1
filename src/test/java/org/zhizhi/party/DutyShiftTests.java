package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which moments a roster's shift covers, without Spring: once, weekly, past midnight, before and after its days. */
class DutyShiftTests {

	private static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(CHONGQING).toInstant();
	}

	private static DutyShift weekly(DayOfWeek day, String from, String to, String validFrom, String validUntil) {
		return new DutyShift(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "王伟", ShiftPattern.WEEKLY,
				null, null, day, LocalTime.parse(from), LocalTime.parse(to), LocalDate.parse(validFrom),
				validUntil == null ? null : LocalDate.parse(validUntil));
	}

	private static DutyShift once(String from, String to) {
		return new DutyShift(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "李娜", ShiftPattern.ONCE,
				at(from), at(to), null, null, null, null, null);
	}

	@Test
	void aOnceShiftCoversFromItsStartUpToButNotIncludingItsEnd() {
		DutyShift shift = once("2026-06-12T09:00", "2026-06-12T17:00");
		assertThat(shift.coveringUntil(at("2026-06-12T08:59"), CHONGQING)).isEmpty();
		assertThat(shift.coveringUntil(at("2026-06-12T09:00"), CHONGQING)).contains(at("2026-06-12T17:00"));
		assertThat(shift.coveringUntil(at("2026-06-12T16:59"), CHONGQING)).contains(at("2026-06-12T17:00"));
		assertThat(shift.coveringUntil(at("2026-06-12T17:00"), CHONGQING)).isEmpty();
	}

	@Test
	void aWeeklyShiftCoversItsHoursOnItsDayOnly() {
		// 2026-06-10 is a Wednesday
		DutyShift shift = weekly(DayOfWeek.WEDNESDAY, "08:00", "12:00", "2026-06-01", null);
		assertThat(shift.overnight()).isFalse();
		assertThat(shift.coveringUntil(at("2026-06-10T10:00"), CHONGQING)).contains(at("2026-06-10T12:00"));
		assertThat(shift.coveringUntil(at("2026-06-17T08:00"), CHONGQING)).contains(at("2026-06-17T12:00"));
		assertThat(shift.coveringUntil(at("2026-06-10T12:00"), CHONGQING)).isEmpty();
		assertThat(shift.coveringUntil(at("2026-06-10T07:59"), CHONGQING)).isEmpty();
		assertThat(shift.coveringUntil(at("2026-06-11T10:00"), CHONGQING)).isEmpty();
	}

	@Test
	void aNightShiftRunsPastMidnightAndBelongsToTheDayItStarted() {
		DutyShift night = weekly(DayOfWeek.WEDNESDAY, "20:00", "08:00", "2026-06-10", null);
		assertThat(night.overnight()).isTrue();
		assertThat(night.coveringUntil(at("2026-06-10T19:59"), CHONGQING)).isEmpty();
		assertThat(night.coveringUntil(at("2026-06-10T23:30"), CHONGQING)).contains(at("2026-06-11T08:00"));
		assertThat(night.coveringUntil(at("2026-06-11T03:00"), CHONGQING)).contains(at("2026-06-11T08:00"));
		assertThat(night.coveringUntil(at("2026-06-11T08:00"), CHONGQING)).isEmpty();
		// Wednesday morning before 08:00 belongs to Tuesday's night, which this shift does not hold
		assertThat(night.coveringUntil(at("2026-06-10T03:00"), CHONGQING)).isEmpty();
	}

	@Test
	void aWeeklyShiftCoversOnlyTheDaysItIsValidOn() {
		DutyShift shift = weekly(DayOfWeek.WEDNESDAY, "20:00", "08:00", "2026-06-10", "2026-06-17");
		assertThat(shift.coveringUntil(at("2026-06-03T21:00"), CHONGQING)).isEmpty();
		assertThat(shift.coveringUntil(at("2026-06-17T21:00"), CHONGQING)).contains(at("2026-06-18T08:00"));
		// the night that started on its last valid day runs out after it
		assertThat(shift.coveringUntil(at("2026-06-18T07:00"), CHONGQING)).contains(at("2026-06-18T08:00"));
		assertThat(shift.coveringUntil(at("2026-06-24T21:00"), CHONGQING)).isEmpty();
	}
}
