package org.zhizhi.deliberation;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** A member of a body — for a guardian, the building he looks after — and whether he is a party member. */
public record AddBodyMember(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 1, max = 40, message = TopicInput.LENGTH) String name,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 1, max = 20, message = TopicInput.LENGTH) String role,
		boolean partyMember, UUID buildingId, @NotNull(message = TopicInput.REQUIRED) @PlausibleDate LocalDate joinedOn) {
}
