package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

/** A rule's versions and caps, without Spring. */
class RuleTests {

	private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

	private static Rule rule(int points, Integer daily, Integer monthly, boolean inUse) {
		return new Rule(UUID.randomUUID(), UUID.randomUUID(), "mediate", 1, "调解邻里纠纷", Dimension.NEIGHBOURS,
				RuleSource.CLAIM, points, daily, monthly, JAN, null, inUse);
	}

	@Test
	void appliesFromItsFirstDayUntilTheNextVersionBegins() {
		Rule first = rule(10, null, null, true).endingOn(LocalDate.of(2026, 7, 1));
		assertThat(first.appliesOn(LocalDate.of(2025, 12, 31))).isFalse();
		assertThat(first.appliesOn(JAN)).isTrue();
		assertThat(first.appliesOn(LocalDate.of(2026, 6, 30))).isTrue();
		assertThat(first.appliesOn(LocalDate.of(2026, 7, 1))).isFalse();
	}

	@Test
	void aCorrectionTakesBackWhatWasPaidBeyondTheCorrectedHoursButNothingSpent() {
		Rule hours = rule(2, 16, null, true);
		assertThat(hours.takenBack(6, 1, 100)).as("3 hours paid, corrected to 1").isEqualTo(4);
		assertThat(hours.takenBack(16, 1, 100)).as("24 hours, capped at 16 points: 14 back, not 46").isEqualTo(14);
		assertThat(hours.takenBack(16, 8, 100)).as("8 hours are worth what the cap paid").isZero();
		assertThat(hours.takenBack(4, 3, 100)).as("more hours take nothing back").isZero();
		assertThat(hours.takenBack(6, 0, 100)).as("to nothing: all of it").isEqualTo(6);
		assertThat(hours.takenBack(6, 0, 5)).as("one point was spent").isEqualTo(5);
		assertThat(hours.takenBack(0, 0, 5)).as("nothing paid, nothing back").isZero();
	}

	@Test
	void capsCutThePointsToWhatIsLeftTodayAndThisMonth() {
		Rule capped = rule(10, 15, 40, false);
		assertThat(capped.pointsWithin(0, 0)).isEqualTo(10);
		assertThat(capped.pointsWithin(10, 10)).as("5 left today").isEqualTo(5);
		assertThat(capped.pointsWithin(15, 15)).as("today's cap reached").isZero();
		assertThat(capped.pointsWithin(0, 35)).as("5 left this month").isEqualTo(5);
		assertThat(capped.pointsWithin(0, 40)).isZero();
		assertThat(capped.pointsWithin(20, 50)).as("never below zero").isZero();
		assertThat(rule(10, null, null, false).pointsWithin(1_000, 100_000)).as("no caps").isEqualTo(10);
	}

	@Test
	void aRevisionIsTheNextVersionFromADayOnAndNeverRewritesAUsedOnesPast() {
		Rule used = rule(10, null, null, true);
		LocalDate today = LocalDate.of(2026, 6, 10);
		Rule next = used.revise(UUID.randomUUID(), "调解邻里纠纷（重大）", 15, 30, null, LocalDate.of(2026, 7, 1), today);
		assertThat(next.version()).isEqualTo(2);
		assertThat(next.code()).isEqualTo(used.code());
		assertThat(next.points()).isEqualTo(15);
		assertThat(next.validFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(next.inUse()).isFalse();

		// a used version's past stays: a new version may not begin before today, nor on or before its own start
		assertThatThrownBy(() -> used.revise(UUID.randomUUID(), "x", 5, null, null, LocalDate.of(2026, 6, 1), today))
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).fieldProblems()).extracting("field")
				.containsExactly("validFrom"));
		assertThatThrownBy(() -> used.revise(UUID.randomUUID(), "x", 5, null, null, JAN, JAN))
			.isInstanceOf(DomainException.class);
		// an unused version may still be followed by one from an earlier day than today, after its own start
		assertThat(rule(10, null, null, false).revise(UUID.randomUUID(), "x", 5, null, null, LocalDate.of(2026, 2, 1),
				today).validFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
		// only the newest version is revised
		Rule ended = used.endingOn(LocalDate.of(2026, 7, 1));
		assertThatThrownBy(() -> ended.revise(UUID.randomUUID(), "x", 5, null, null, LocalDate.of(2026, 8, 1), today))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("NOT_LATEST_VERSION");
	}
}
