package org.zhizhi.wish;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** A taker reports the wish fulfilled: what was done (required); the photo travels beside it as the upload's file. */
public record FulfilWish(@HasText(message = "{wish.fulfilNeedsNote}") @TextLength(min = 1, max = 1000,
		message = WishInput.LENGTH) String note) {
}
