package org.zhizhi.deliberation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * One household's vote, changeable until the vote closes. A resident votes for his own household (no
 * {@code householdId}); the desk enters a paper ballot for the household it names, the ballot's photo beside it.
 */
public record CastVote(@NotNull(message = TopicInput.REQUIRED) VoteChoice choice, UUID householdId) {
}
