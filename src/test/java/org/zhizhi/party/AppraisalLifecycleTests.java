package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

/** 民主评议党员's table walked from every state, and a round closed only complete, without Spring. */
class AppraisalLifecycleTests {

	private static Appraisal in(AppraisalState state) {
		return new Appraisal(UUID.randomUUID(), UUID.randomUUID(), "钱佳花园功能型党支部", 2025, state, null, 0);
	}

	@Test
	void resultsAreRecordedAndTheRoundClosedOnlyWhileOpen() {
		for (AppraisalState state : AppraisalState.values()) {
			boolean open = state == AppraisalState.OPEN;
			for (AppraisalAction action : AppraisalAction.values()) {
				assertThat(AppraisalLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state)
					.isEqualTo(open);
			}
		}
		assertThatThrownBy(() -> in(AppraisalState.CLOSED).checkRecording())
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
	}

	@Test
	void aRoundClosesOnlyWhenEveryMemberHasHisResult() {
		Instant now = Instant.parse("2026-01-15T02:00:00Z");
		assertThatThrownBy(() -> in(AppraisalState.OPEN).close(2, now)).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo("APPRAISAL_INCOMPLETE"));
		Appraisal complete = in(AppraisalState.OPEN);
		complete.close(0, now);
		assertThat(complete.state()).isEqualTo(AppraisalState.CLOSED);
		assertThat(complete.closedAt()).isEqualTo(now);
		assertThat(complete.events()).singleElement().isInstanceOf(Appraisal.AppraisalClosed.class);
		assertThatThrownBy(() -> complete.close(0, now)).isInstanceOf(DomainException.class);
	}

	@Test
	void onlyResultsBelowQualifiedNeedTheirReason() {
		assertThat(AppraisalGrade.EXCELLENT.needsNote()).isFalse();
		assertThat(AppraisalGrade.QUALIFIED.needsNote()).isFalse();
		assertThat(AppraisalGrade.BASICALLY_QUALIFIED.needsNote()).isTrue();
		assertThat(AppraisalGrade.UNQUALIFIED.needsNote()).isTrue();
	}
}
