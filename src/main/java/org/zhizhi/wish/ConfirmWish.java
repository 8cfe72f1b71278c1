package org.zhizhi.wish;

import org.zhizhi.shared.TextLength;

/** The resident confirms a fulfilled wish, and may thank the takers. */
public record ConfirmWish(@TextLength(max = 500, message = WishInput.LENGTH) String thanks) {
}
