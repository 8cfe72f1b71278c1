package org.zhizhi.deliberation;

/**
 * Where a topic (议题) stands in 提事 → 议事 → 决事 → 执事 → 评事: raised and gathering co-signs; on the agenda and
 * deliberated; put to the vote; decided (passed or not); carried out; judged by the households; closed — or withdrawn,
 * or merged into another topic on the same matter.
 */
public enum TopicState {
	RAISED, DELIBERATING, VOTING, PASSED, FAILED, EXECUTING, EVALUATING, CLOSED, WITHDRAWN, MERGED;

	/** The stage of the five a state belongs to, for pages that group topics by stage. */
	public Stage stage() {
		return switch (this) {
			case RAISED, WITHDRAWN, MERGED -> Stage.RAISE;
			case DELIBERATING -> Stage.DELIBERATE;
			case VOTING, PASSED, FAILED -> Stage.DECIDE;
			case EXECUTING -> Stage.EXECUTE;
			case EVALUATING, CLOSED -> Stage.EVALUATE;
		};
	}

	/** 提事、议事、决事、执事、评事. */
	public enum Stage {
		RAISE, DELIBERATE, DECIDE, EXECUTE, EVALUATE
	}
}
