package org.zhizhi.wish;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** The community does not take a wish up: why, for the resident who posted it (required). */
public record RefuseWish(@HasText(message = "{wish.refuseNeedsReason}") @TextLength(min = 1, max = 500,
		message = WishInput.LENGTH) String reason) {
}
