package org.zhizhi.deliberation;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** A self-governance body of an estate, with its term (open-ended if no end). */
public record CreateBody(@NotNull(message = TopicInput.REQUIRED) UUID estateId,
		@NotNull(message = TopicInput.REQUIRED) BodyKind kind,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 60, message = TopicInput.LENGTH) String name,
		@NotNull(message = TopicInput.REQUIRED) @PlausibleDate LocalDate termStart, @PlausibleDate LocalDate termEnd) {
}
