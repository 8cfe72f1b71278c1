package org.zhizhi.wish;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.TextLength;

/**
 * 社区派单: to a named account ({@code accountId}, kind MEMBER — a party member or a unit's liaison), or to a volunteer
 * team or unit by {@code name}, whose take the community then records (the name is then required: the command's rule).
 */
public record DispatchWish(@NotNull(message = WishInput.REQUIRED) DispatchKind kind, UUID accountId,
		@TextLength(min = 1, max = 100, message = WishInput.LENGTH) String name) {
}
