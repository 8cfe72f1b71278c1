package org.zhizhi.deliberation;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** The meeting will not take place, and why (the households are told). */
public record CancelMeeting(@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 300,
		message = TopicInput.LENGTH) String reason) {
}
