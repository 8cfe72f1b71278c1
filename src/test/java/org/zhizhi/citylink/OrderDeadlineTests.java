package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException.FieldProblem;

/** Which deadlines of a city platform's order the district can be bound to, without Spring. */
class OrderDeadlineTests {

	private static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");

	@Test
	void anOrderWithoutADeadlineIsFine() {
		assertThat(OrderDeadline.problem(null, NOW)).isEmpty();
	}

	@Test
	void aDeadlineAheadWithinAYearBinds() {
		assertThat(OrderDeadline.problem(NOW.plusSeconds(1), NOW)).isEmpty();
		assertThat(OrderDeadline.problem(NOW.plus(Duration.ofDays(60)), NOW)).isEmpty();
		assertThat(OrderDeadline.problem(NOW.plus(OrderDeadline.FURTHEST), NOW)).isEmpty();
	}

	@Test
	void aDeadlinePassedOrAtTheMomentOfArrivalIsRefused() {
		assertThat(OrderDeadline.problem(NOW, NOW)).map(FieldProblem::messageKey).contains("citylink.deadlinePassed");
		assertThat(OrderDeadline.problem(NOW.minusSeconds(1), NOW)).map(FieldProblem::field).contains("deadline");
		assertThat(OrderDeadline.problem(Instant.parse("0001-01-01T00:00:00Z"), NOW)).map(FieldProblem::messageKey)
			.contains("citylink.deadlinePassed");
	}

	@Test
	void aDeadlineMoreThanAYearAwayIsRefusedWithTheBound() {
		FieldProblem problem = OrderDeadline.problem(NOW.plus(OrderDeadline.FURTHEST).plusSeconds(1), NOW).orElseThrow();
		assertThat(problem.field()).isEqualTo("deadline");
		assertThat(problem.messageKey()).isEqualTo("citylink.deadlineTooFar");
		assertThat(problem.args()).containsExactly(366L);
		assertThat(OrderDeadline.problem(Instant.parse("9999-12-31T00:00:00Z"), NOW)).isPresent();
	}
}
