package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new wish. {@code orgUnitId} is the grid (or community) it is for — by default the poster's own; the beneficiary is
 * named for the community only, {@code beneficiaryResidentId} optionally links him in the people registry, and
 * {@code publicLabel} is all the wall will say about him.
 */
public record PostWish(String title, String description, WishCategory category, String publicLabel,
		String beneficiaryName, UUID beneficiaryResidentId, String beneficiaryAddress, LocalDate dueOn,
		Integer maxTakers, UUID orgUnitId) {
}
