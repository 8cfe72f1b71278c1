package org.zhizhi.deliberation;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** A topic withdrawn by its raiser or the desk, with the reason the households read. */
public record WithdrawTopic(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 300, message = TopicInput.LENGTH) String reason) {
}
