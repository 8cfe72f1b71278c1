package org.zhizhi.wish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A wish on the wall: what is wished and by when, never who wishes it — no name, no address, no resident, no poster.
 * Takers appear once they have fulfilled it (a public thank-you): a team or unit the community recorded by its name,
 * any person (a member, a unit's liaison) only by the first character of his name, as a bulletin board would.
 */
public record PublicWish(UUID id, String communityName, String title, String description, String publicLabel,
		WishCategory category, WishState state, LocalDate dueOn, int maxTakers, int takerCount,
		Instant fulfilledAt, List<String> takerNames) {

	public PublicWish {
		takerNames = List.copyOf(takerNames);
	}

	public static PublicWish of(WishView wish, List<Taker> takers) {
		boolean done = wish.state() == WishState.FULFILLED || wish.state() == WishState.CONFIRMED;
		return new PublicWish(wish.id(), wish.communityName(), wish.title(), wish.description(), wish.publicLabel(),
				wish.category(), wish.state(), wish.dueOn(), wish.maxTakers(), wish.takerCount(),
				done ? wish.fulfilledAt() : null,
				done ? takers.stream().map(PublicWish::publicName).toList() : List.of());
	}

	/**
	 * Only a team or unit is named in full — one the community recorded by name, or a partner unit its liaison took it
	 * for; whoever took it under his own account — a member, or a liaison not bound to a unit (recorded as UNIT, but
	 * under his own name) — shows as the first character of it, and a unit's liaison never by his own name.
	 */
	static String publicName(Taker taker) {
		if (taker.isRecordedTeamOrUnit() || taker.name().isEmpty()) {
			return taker.name();
		}
		int first = taker.name().offsetByCodePoints(0, 1);
		return taker.name().substring(0, first) + "*".repeat(Math.max(1, taker.name().codePointCount(first, taker.name().length())));
	}
}
