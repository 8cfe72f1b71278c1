package org.zhizhi.deliberation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/**
 * A draft of a convention, rules or a proposal letter for an estate — a new one, or the next version of
 * {@code conventionId} — put to the residents as a topic; adopted when the topic passes.
 */
public record DraftConvention(@NotNull(message = TopicInput.REQUIRED) UUID estateId,
		@NotNull(message = TopicInput.REQUIRED) ConventionKind kind,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 40, message = TopicInput.LENGTH) String title,
		UUID conventionId,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 10, max = 10000, message = TopicInput.LENGTH) String text) {
}
