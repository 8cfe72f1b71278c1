package org.zhizhi.deliberation;

import jakarta.validation.constraints.NotNull;

/** Another rule for a vote no household has voted in yet. */
public record ChangeVoteRule(@NotNull(message = TopicInput.REQUIRED) VoteRule rule) {
}
