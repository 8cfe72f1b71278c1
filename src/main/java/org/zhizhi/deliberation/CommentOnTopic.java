package org.zhizhi.deliberation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** 议事: a comment with its stance; {@code replyTo} answers a comment of the topic (one level deep). */
public record CommentOnTopic(@NotNull(message = TopicInput.REQUIRED) Stance stance,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 1, max = 500, message = TopicInput.LENGTH) String text,
		UUID replyTo) {
}
