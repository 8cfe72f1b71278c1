package org.zhizhi.party;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/** An appraisal round's table: OPEN (results recorded, changed) → CLOSED once every member has his result. */
public final class AppraisalLifecycle {

	public static final Lifecycle<AppraisalState, AppraisalAction> TABLE = Lifecycle
		.of(AppraisalState.class, AppraisalAction.class, "party.appraisal.illegalTransition")
		.stay(AppraisalAction.RECORD, EnumSet.of(AppraisalState.OPEN), PartyRules.WRITERS)
		.step(AppraisalAction.CLOSE, EnumSet.of(AppraisalState.OPEN), AppraisalState.CLOSED, PartyRules.WRITERS)
		.build();

	private AppraisalLifecycle() {
	}
}
