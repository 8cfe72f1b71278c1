package org.zhizhi.deliberation;

/** The steps of a topic, each a row of {@link TopicLifecycle}; RAISE creates it. */
public enum TopicAction {
	RAISE, COSIGN, COMMENT, ADMIT, OPEN_ROUND, OPEN_VOTING, CHANGE_RULE, VOTE, CLOSE_VOTING, RECORD_DECISION, ADD_TASK,
	COMPLETE_TASK, FINISH_EXECUTION, RATE, CLOSE, WITHDRAW, MERGE, OPEN_FUND, PLEDGE, RECORD_PAYMENT, RECORD_SPENDING
}
