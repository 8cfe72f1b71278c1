package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;

/**
 * The one answer to "what may this person do with this wish now": the table's states and roles plus the wish's
 * relations — the desk of its scope vets it and records the take of a team or unit it named, a member or liaison takes
 * it from the wall or as the one it was dispatched to, whoever is among its takers fulfils it, its poster (or the
 * desk) confirms it. The API's detail and the pages ask it; a screen never decides. {@code taker}: he is among the
 * takers, himself or through his partner unit; {@code today} in the communities' calendar.
 */
public final class WishPolicy {

	private WishPolicy() {
	}

	public static Set<WishAction> allowedActions(Actor actor, Wish wish, boolean taker, LocalDate today) {
		Set<WishAction> actions = EnumSet.noneOf(WishAction.class);
		if (vets(actor, wish)) {
			for (WishAction action : EnumSet.of(WishAction.EDIT, WishAction.APPROVE, WishAction.REFUSE,
					WishAction.PUBLISH, WishAction.DISPATCH)) {
				if (offered(actor, wish, action)) {
					actions.add(action);
				}
			}
		}
		if (takesHimself(actor, wish, taker, today) || recordsTake(actor, wish, today)) {
			actions.add(WishAction.TAKE);
		}
		// the relation decides these two, whatever role he holds now: he took it; he posted it or keeps the desk
		if (taker && WishLifecycle.TABLE.allows(wish.state(), WishAction.FULFIL)) {
			actions.add(WishAction.FULFIL);
		}
		if ((actor.userId().equals(wish.postedBy()) || desk(actor, wish))
				&& WishLifecycle.TABLE.allows(wish.state(), WishAction.CONFIRM)) {
			actions.add(WishAction.CONFIRM);
		}
		return actions;
	}

	/** The community (or a level above it) vets the wishes of its scope. */
	public static boolean vets(Actor actor, Wish wish) {
		return WishRoles.mayVet(actor) && actor.scope().covers(wish.scopePath());
	}

	/** The desk of the wish's scope: it reads the wish in full. */
	public static boolean desk(Actor actor, Wish wish) {
		return WishRoles.usesDesk(actor) && actor.scope().covers(wish.scopePath());
	}

	/**
	 * 党员接单: a member or liaison who has not taken it yet, while it has a place left and is not past its date — one
	 * dispatched to a named account only for him.
	 */
	public static boolean takesHimself(Actor actor, Wish wish, boolean taker, LocalDate today) {
		return WishRoles.mayTake(actor) && !taker && wish.takeable() && !wish.dueOn().isBefore(today)
				&& (wish.state() != WishState.DISPATCHED || actor.userId().equals(wish.dispatchAccountId()));
	}

	/** The community records the take of the team or unit it dispatched the wish to by name. */
	public static boolean recordsTake(Actor actor, Wish wish, LocalDate today) {
		return vets(actor, wish) && wish.state() == WishState.DISPATCHED && wish.dispatchAccountId() == null
				&& !wish.dueOn().isBefore(today);
	}

	private static boolean offered(Actor actor, Wish wish, WishAction action) {
		return WishLifecycle.TABLE.allows(wish.state(), action) && WishLifecycle.TABLE.mayTake(actor.roles(), action);
	}
}
