package org.zhizhi.deliberation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** 执事: what is to be done, who answers for it (named as people say it), and by when. */
public record AddTask(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 100, message = TopicInput.LENGTH) String title,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 1, max = 60, message = TopicInput.LENGTH) String owner,
		@NotNull(message = TopicInput.REQUIRED) LocalDate dueOn) {
}
