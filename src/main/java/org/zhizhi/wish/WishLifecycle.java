package org.zhizhi.wish;

import static org.zhizhi.wish.WishState.APPROVED;
import static org.zhizhi.wish.WishState.CONFIRMED;
import static org.zhizhi.wish.WishState.DISPATCHED;
import static org.zhizhi.wish.WishState.FULFILLED;
import static org.zhizhi.wish.WishState.POSTED;
import static org.zhizhi.wish.WishState.PUBLISHED;
import static org.zhizhi.wish.WishState.RAISED;
import static org.zhizhi.wish.WishState.REFUSED;
import static org.zhizhi.wish.WishState.TAKEN;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * The wish's life cycle as a table: POSTED → APPROVED (or REFUSED) → PUBLISHED or DISPATCHED → TAKEN → FULFILLED →
 * CONFIRMED, and an unclaimed wish past its date → RAISED, from where the community publishes or dispatches it again.
 * {@link Wish} asks it before every step and {@link WishPolicy} before offering one. POST is no row: it creates the wish.
 */
public final class WishLifecycle {

	/** Whoever may take or record a take: members and liaisons, and the community for a team or unit by name. */
	private static final Set<Role> TAKING = union(WishRoles.TAKERS, WishRoles.VETTERS);

	public static final Lifecycle<WishState, WishAction> TABLE = Lifecycle
		.of(WishState.class, WishAction.class, "wish.illegalTransition")
		.stay(WishAction.EDIT, EnumSet.of(POSTED, APPROVED, RAISED), WishRoles.VETTERS)
		.step(WishAction.APPROVE, EnumSet.of(POSTED), APPROVED, WishRoles.VETTERS)
		.step(WishAction.REFUSE, EnumSet.of(POSTED), REFUSED, WishRoles.VETTERS)
		.step(WishAction.PUBLISH, EnumSet.of(APPROVED, RAISED), PUBLISHED, WishRoles.VETTERS)
		.step(WishAction.DISPATCH, EnumSet.of(APPROVED, RAISED), DISPATCHED, WishRoles.VETTERS)
		// a wish open to several takers stays takeable once taken, until it is full
		.step(WishAction.TAKE, EnumSet.of(PUBLISHED, DISPATCHED, TAKEN), TAKEN, TAKING)
		// whoever is among the takers (the policy adds that relation), the community for what it recorded included
		.step(WishAction.FULFIL, EnumSet.of(TAKEN), FULFILLED, TAKING)
		// the poster (a resident, his grid worker or the community for him) or the desk of its scope
		.step(WishAction.CONFIRM, EnumSet.of(FULFILLED), CONFIRMED, union(WishRoles.POSTERS, WishRoles.DESK))
		// the expiry sweep's steps: nobody offers them
		.step(WishAction.RAISE, EnumSet.of(PUBLISHED, DISPATCHED), RAISED, Set.of())
		.stay(WishAction.OVERDUE, EnumSet.of(TAKEN), Set.of())
		.build();

	private WishLifecycle() {
	}

	private static Set<Role> union(Set<Role> a, Set<Role> b) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}
}
