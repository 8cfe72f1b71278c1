package org.zhizhi.deliberation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Duplicates merged: this topic follows the one named. */
public record MergeTopic(@NotNull(message = TopicInput.REQUIRED) UUID intoTopicId) {
}
