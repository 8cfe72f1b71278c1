package org.zhizhi.deliberation;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.Range;
import org.zhizhi.shared.TextLength;

/** 评事: one household's judgement of how the decision was carried out, 1 to 5 stars. */
public record RateTopic(@NotNull(message = TopicInput.REQUIRED) @Range(min = 1, max = 5,
		message = "{deliberation.starsRange}") Integer stars,
		@TextLength(max = 300, message = TopicInput.LENGTH) String comment) {
}
