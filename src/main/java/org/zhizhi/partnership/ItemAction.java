package org.zhizhi.partnership;

/**
 * What can be done to a list item once it is published ({@link ItemLifecycle}); publishing creates it and is no step.
 */
public enum ItemAction {
	/** A claim takes some of what is left: the item stays OPEN, or is FULLY_CLAIMED when nothing is left. */
	TAKE,
	/** Taken off the list before anybody claimed it. */
	WITHDRAW,
	/** Every pledge on a fully claimed item is accepted. */
	COMPLETE
}
