package org.zhizhi.wish;

import java.util.List;
import java.util.Set;

/**
 * A wish as one person may see it, with its takers and its timeline, and what he may do with it now — the
 * {@link WishPolicy}'s answer, so that the pages and the API show the same buttons. {@code actions} are the steps he
 * may take; the flags say the same for the API's clients ({@code mayVet}: he vets the wish, in whatever state).
 * {@code taker}: he is among the takers, himself or through his partner unit.
 */
public record WishDetail(WishView wish, List<Taker> takers, List<WishStep> timeline, boolean mayVet, boolean mayTake,
		boolean mayFulfil, boolean mayConfirm, boolean mayRecordTake, boolean taker, Set<WishAction> actions) {

	public WishDetail {
		takers = List.copyOf(takers);
		timeline = List.copyOf(timeline);
		actions = Set.copyOf(actions);
	}

	/** For the pages: whether he may take the step of that name ({@code d.may('APPROVE')}). */
	public boolean may(String action) {
		return actions.contains(WishAction.valueOf(action));
	}
}
