package org.zhizhi.party;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.PlausibleYear;
import org.zhizhi.shared.TextLength;

/** The shapes of 民主评议党员 and the branch assessment. */
public final class AppraisalCommands {

	static final String REQUIRED = "{validation.required}";

	private AppraisalCommands() {
	}

	/** The year's round of a branch. */
	public record OpenAppraisal(@NotNull(message = REQUIRED) UUID orgId,
			@NotNull(message = REQUIRED) @PlausibleYear(yearsBack = 5, yearsAhead = 0) Integer year) {
	}

	/** One member's result, with the reason when it is below 合格. */
	public record RecordResult(@NotNull(message = REQUIRED) UUID memberId,
			@NotNull(message = REQUIRED) AppraisalGrade grade,
			@TextLength(min = 0, max = 200, message = "{party.length}") String note) {
	}

	/** A branch's assessment of a year: a mark for each criterion of the template (PASS or FAIL). */
	public record AssessBranch(@NotNull(message = REQUIRED) UUID orgId,
			@NotNull(message = REQUIRED) @PlausibleYear(yearsBack = 5, yearsAhead = 0) Integer year,
			@NotEmpty(message = "{party.assessment.marksRequired}") Map<String, org.zhizhi.property.Scorecard.Mark> marks) {
	}
}
