package org.zhizhi.wish;

import java.util.UUID;

/**
 * What happened to a wish, registered by {@link Wish} and published by its repository after the save, inside the
 * step's transaction: the timeline is written from them, and other modules hear of {@link WishFulfilled}. A
 * fulfilment registers two: {@link WishFulfilmentReported} for the timeline, {@link WishFulfilled} for the others.
 */
public sealed interface WishEvent permits WishPosted, WishEdited, WishApproved, WishRefused, WishPublished,
		WishDispatched, WishTaken, WishFulfilmentReported, WishFulfilled, WishConfirmed, WishRaised, WishShortOfTakers {

	UUID wishId();

	UUID districtId();
}
