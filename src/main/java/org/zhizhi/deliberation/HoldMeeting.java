package org.zhizhi.deliberation;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** The meeting was held: its minutes — who spoke, what was agreed on each topic. */
public record HoldMeeting(@HasText(message = TopicInput.REQUIRED) @TextLength(min = 4, max = 5000,
		message = TopicInput.LENGTH) String minutes) {
}
