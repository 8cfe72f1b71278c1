package org.zhizhi.partnership;

/**
 * What can be done to a pledge once it is made ({@link ClaimLifecycle}); claiming an item makes it and is no step of
 * the pledge (the item's {@link ItemAction#TAKE} is).
 */
public enum ClaimAction {
	/** The deliverer notes how far it has come: the pledge stays PLEDGED. */
	PROGRESS,
	/** The deliverer reports completion with evidence. */
	DELIVER,
	/** The community accepts the delivery. */
	ACCEPT,
	/** The community refuses the delivery, with a reason: back to PLEDGED, to be delivered again. */
	SEND_BACK
}
