package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.Range;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/**
 * A new wish. {@code orgUnitId} is the grid (or community) it is for — by default the poster's own; the beneficiary is
 * named for the community only, {@code beneficiaryResidentId} optionally links him in the people registry, and
 * {@code publicLabel} is all the wall will say about him. Its shape is on the components; the due date's range (from
 * today), the place and the linked resident are the command's rules.
 */
public record PostWish(
		@HasText(message = WishInput.REQUIRED) @TextLength(min = 2, max = 60, message = WishInput.LENGTH) String title,
		@HasText(message = WishInput.REQUIRED) @TextLength(min = 2, max = 1000,
				message = WishInput.LENGTH) String description,
		@NotNull(message = WishInput.REQUIRED) WishCategory category,
		@TextLength(max = 40, message = WishInput.LENGTH) String publicLabel,
		@HasText(message = WishInput.REQUIRED) @TextLength(min = 1, max = 50,
				message = WishInput.LENGTH) String beneficiaryName,
		UUID beneficiaryResidentId, @TextLength(max = 200, message = WishInput.LENGTH) String beneficiaryAddress,
		@NotNull(message = WishInput.REQUIRED) @PlausibleDate LocalDate dueOn,
		@Range(min = 1, max = WishInput.MAX_TAKERS, message = "{wish.maxTakersRange}") Integer maxTakers,
		UUID orgUnitId) {
}
