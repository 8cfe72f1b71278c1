package org.zhizhi.deliberation;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** 决事 by a residents' representatives' meeting or the branch: passed or not, and the minutes that say so. */
public record RecordDecision(@NotNull(message = TopicInput.REQUIRED) VoteRule rule,
		@NotNull(message = TopicInput.REQUIRED) Boolean passed,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 4, max = 2000,
				message = TopicInput.LENGTH) String minutes) {
}
