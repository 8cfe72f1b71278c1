package org.zhizhi.wish;

import java.util.List;

/**
 * A wish as one person may see it, with its takers and its timeline, and what he may do with it now: the pages and
 * the API show the same buttons. {@code taker}: he is among the takers, himself or through his partner unit.
 */
public record WishDetail(Wish wish, List<Taker> takers, List<WishStep> timeline, boolean mayVet, boolean mayTake,
		boolean mayFulfil, boolean mayConfirm, boolean mayRecordTake, boolean taker) {

	public WishDetail {
		takers = List.copyOf(takers);
		timeline = List.copyOf(timeline);
	}
}
