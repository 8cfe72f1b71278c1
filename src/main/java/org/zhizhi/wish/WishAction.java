package org.zhizhi.wish;

/** What a timeline entry records. */
public enum WishAction {
	POST, EDIT, APPROVE, REFUSE, PUBLISH, DISPATCH, TAKE, FULFIL, CONFIRM, RAISE,
	/** Past its date with places left: the community was told, the wish stays with its takers. */
	OVERDUE
}
