package org.zhizhi.deliberation;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** A task done, with what was done. */
public record CompleteTask(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 500, message = TopicInput.LENGTH) String note) {
}
