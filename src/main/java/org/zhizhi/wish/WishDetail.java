package org.zhizhi.wish;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A wish as one person may see it, with its takers and its timeline, and what he may do with it now — the
 * {@link WishPolicy}'s answer, so that the pages and the API show the same buttons. {@code actions} are the steps he
 * may take, in the order of {@link WishAction}; the flags say the same for the API's clients and are computed from
 * them ({@code mayVet}: one of the community's vetting steps; {@code mayTake} and {@code mayRecordTake}: the take, as
 * himself or recorded for the team or unit the wish was dispatched to by name). {@code taker}: he is among the
 * takers, himself or through his partner unit.
 */
public record WishDetail(WishView wish, List<Taker> takers, List<WishStep> timeline, boolean mayVet, boolean mayTake,
		boolean mayFulfil, boolean mayConfirm, boolean mayRecordTake, boolean taker, Set<WishAction> actions) {

	public WishDetail {
		takers = List.copyOf(takers);
		timeline = List.copyOf(timeline);
		// an EnumSet keeps the order of the enum, so the JSON lists the actions the same way on every start
		actions = actions.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(WishAction.class))
				: Collections.unmodifiableSet(EnumSet.copyOf(actions));
		if (mayVet != vets(actions) || mayTake != takes(wish, actions) || mayFulfil != actions.contains(WishAction.FULFIL)
				|| mayConfirm != actions.contains(WishAction.CONFIRM) || mayRecordTake != recordsTake(wish, actions)) {
			throw new IllegalArgumentException("the flags say other than the actions " + actions);
		}
	}

	/** The detail with its flags computed from {@code actions}. */
	public WishDetail(WishView wish, List<Taker> takers, List<WishStep> timeline, boolean taker,
			Set<WishAction> actions) {
		this(wish, takers, timeline, vets(actions), takes(wish, actions), actions.contains(WishAction.FULFIL),
				actions.contains(WishAction.CONFIRM), recordsTake(wish, actions), taker, actions);
	}

	/** For the pages: whether he may take the step of that name ({@code d.may('APPROVE')}). */
	public boolean may(String action) {
		return actions.contains(WishAction.valueOf(action));
	}

	private static boolean vets(Set<WishAction> actions) {
		return !Collections.disjoint(actions, WishPolicy.VETTING);
	}

	private static boolean takes(WishView wish, Set<WishAction> actions) {
		return actions.contains(WishAction.TAKE) && !byName(wish);
	}

	private static boolean recordsTake(WishView wish, Set<WishAction> actions) {
		return actions.contains(WishAction.TAKE) && byName(wish);
	}

	/** Dispatched to a team or unit by name: its take is recorded by the community. */
	private static boolean byName(WishView wish) {
		return wish.state() == WishState.DISPATCHED && wish.dispatchAccountId() == null;
	}
}
