package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The one answer to "what may this person do with this wish now": the table's states and roles plus the wish's
 * relations — the desk of its scope vets it and records the take of a team or unit it named, a member or liaison takes
 * it from the wall or as the one it was dispatched to, whoever is among its takers fulfils it, its poster (or the
 * desk) confirms it. The commands enforce {@link #refusal}; the API's detail and the pages offer exactly
 * {@link #allowedActions}, built from the same refusal; a screen never decides. {@code taker}: he is among the takers,
 * himself or through his partner unit; {@code today} in the communities' calendar.
 */
public final class WishPolicy {

	/** The community's steps while it vets a wish. */
	static final Set<WishAction> VETTING = Collections.unmodifiableSet(EnumSet.of(WishAction.EDIT,
			WishAction.APPROVE, WishAction.REFUSE, WishAction.PUBLISH, WishAction.DISPATCH));

	/** Steps a person takes with a button or a form; the others are the expiry sweep's. */
	static final Set<WishAction> OFFERED = Collections.unmodifiableSet(EnumSet.complementOf(
			EnumSet.of(WishAction.POST, WishAction.RAISE, WishAction.OVERDUE)));

	private WishPolicy() {
	}

	/** The steps the actor may take on the wish now: allowed from its state, by him, and with what they need. */
	public static Set<WishAction> allowedActions(Actor actor, Wish wish, boolean taker, LocalDate today) {
		Set<WishAction> actions = EnumSet.noneOf(WishAction.class);
		for (WishAction action : WishLifecycle.TABLE.actionsFrom(wish.state())) {
			if (OFFERED.contains(action) && refusal(actor, wish, taker, action) == null
					&& ready(wish, taker, action, today)) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * Refuses, before the wish is read (or, posting, made), whoever may not take the step whatever the wish: a desk's
	 * step to whoever does not vet (403 before 404, whatever the id), a post to whoever does not post. Null if the wish
	 * decides.
	 */
	static DomainException refusalBeforeReading(Actor actor, WishAction action) {
		if (action == WishAction.POST) {
			return WishRoles.mayPost(actor) ? null : forbidden();
		}
		return VETTING.contains(action) && !WishRoles.mayVet(actor) ? forbidden() : null;
	}

	/**
	 * Why the actor may not take the step on the wish, whatever state it is in, or null if he may; the commands throw
	 * it, the pages leave the step out. The order of the checks is the order of the refusals. That the state allows
	 * the step, that a place is left and the date not past, and that a taker does not take twice are the wish's and
	 * the taker row's key's to refuse; {@code taker} is read by FULFIL only.
	 */
	public static DomainException refusal(Actor actor, Wish wish, boolean taker, WishAction action) {
		return switch (action) {
			case EDIT, APPROVE, REFUSE, PUBLISH, DISPATCH -> {
				DomainException before = refusalBeforeReading(actor, action);
				yield before != null ? before : inScope(actor, wish);
			}
			case TAKE -> recordedByName(wish) ? recordingTake(actor, wish) : takingHimself(actor, wish);
			// the relation decides these two, whatever role he holds now: he took it; he posted it or keeps the desk
			case FULFIL -> taker ? null : new DomainException(Category.FORBIDDEN, "NOT_A_TAKER", "wish.notATaker");
			case CONFIRM -> actor.userId().equals(wish.postedBy()) || desk(actor, wish) ? null
					: DomainException.notFound("wish");
			case POST -> refusalBeforeReading(actor, action);
			case RAISE, OVERDUE -> forbidden();
		};
	}

	/** Throws the {@link #refusal}, if there is one. */
	static void require(Actor actor, Wish wish, boolean taker, WishAction action) {
		DomainException refusal = refusal(actor, wish, taker, action);
		if (refusal != null) {
			throw refusal;
		}
	}

	/** What a step needs beyond state and person before a page offers it: a take, a place left, the date not past. */
	private static boolean ready(Wish wish, boolean taker, WishAction action, LocalDate today) {
		return action != WishAction.TAKE
				|| !taker && wish.takerCount() < wish.maxTakers() && !wish.dueOn().isBefore(today);
	}

	/** The desk of the wish's scope: it reads the wish in full. */
	public static boolean desk(Actor actor, Wish wish) {
		return WishRoles.usesDesk(actor) && actor.scope().covers(wish.scopePath());
	}

	/** The community records the take of the team or unit it dispatched the wish to by name. */
	public static boolean recordsTake(Actor actor, Wish wish, LocalDate today) {
		return recordedByName(wish) && allowedActions(actor, wish, false, today).contains(WishAction.TAKE);
	}

	/** Dispatched to a team or unit by name: nobody takes it himself, the community records its take. */
	static boolean recordedByName(Wish wish) {
		return wish.state() == WishState.DISPATCHED && wish.dispatchAccountId() == null;
	}

	/** The community records the take of a team or unit it named; nobody else takes such a wish. */
	private static DomainException recordingTake(Actor actor, Wish wish) {
		if (!WishRoles.mayVet(actor)) {
			return notDispatchedToYou();
		}
		return inScope(actor, wish);
	}

	/**
	 * 党员接单: a member or liaison — of a wish still being vetted, only the one it was dispatched to, for whom it does
	 * not exist otherwise; of one dispatched to a named account, only him.
	 */
	private static DomainException takingHimself(Actor actor, Wish wish) {
		if (!WishRoles.mayTake(actor)) {
			return forbidden();
		}
		boolean named = actor.userId().equals(wish.dispatchAccountId());
		if (wish.publishedAt() == null && !named) {
			return DomainException.notFound("wish");
		}
		if (wish.state() == WishState.DISPATCHED && !named) {
			return notDispatchedToYou();
		}
		return null;
	}

	/** A wish outside his scope does not exist for the desk. */
	private static DomainException inScope(Actor actor, Wish wish) {
		return actor.scope().covers(wish.scopePath()) ? null : DomainException.notFound("wish");
	}

	private static DomainException notDispatchedToYou() {
		return new DomainException(Category.FORBIDDEN, "NOT_DISPATCHED_TO_YOU", "wish.notDispatchedToYou");
	}

	private static DomainException forbidden() {
		return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
	}
}
