package org.zhizhi.wish;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The wish's state machine, free of any framework: POSTED → APPROVED (or REFUSED) → PUBLISHED or DISPATCHED → TAKEN →
 * FULFILLED → CONFIRMED, and an unclaimed wish past its date → RAISED, from where the community publishes or dispatches
 * it again. Each step answers the state it leads to, or is refused with a conflict naming the current state.
 */
public final class WishLifecycle {

	private WishLifecycle() {
	}

	public static WishState edit(WishState current) {
		require(current, WishAction.EDIT, EnumSet.of(WishState.POSTED, WishState.APPROVED, WishState.RAISED));
		return current;
	}

	public static WishState approve(WishState current) {
		require(current, WishAction.APPROVE, EnumSet.of(WishState.POSTED));
		return WishState.APPROVED;
	}

	public static WishState refuse(WishState current, String reason) {
		require(current, WishAction.REFUSE, EnumSet.of(WishState.POSTED));
		requireText("reason", reason, "wish.refuseNeedsReason");
		return WishState.REFUSED;
	}

	/** Onto the wall of its community: after approval, or again after it was raised. */
	public static WishState publish(WishState current) {
		require(current, WishAction.PUBLISH, EnumSet.of(WishState.APPROVED, WishState.RAISED));
		return WishState.PUBLISHED;
	}

	public static WishState dispatch(WishState current) {
		require(current, WishAction.DISPATCH, EnumSet.of(WishState.APPROVED, WishState.RAISED));
		return WishState.DISPATCHED;
	}

	/**
	 * A taker takes it: from the wall or as the one it was dispatched to, and — while places are left on a wish open to
	 * several takers — also once it is already taken.
	 */
	public static WishState take(WishState current, int takers, int maxTakers) {
		require(current, WishAction.TAKE, EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED, WishState.TAKEN));
		if (takers >= maxTakers) {
			throw new DomainException(Category.CONFLICT, "WISH_FULL", "wish.full", maxTakers);
		}
		return WishState.TAKEN;
	}

	public static WishState fulfil(WishState current, String note) {
		require(current, WishAction.FULFIL, EnumSet.of(WishState.TAKEN));
		requireText("note", note, "wish.fulfilNeedsNote");
		return WishState.FULFILLED;
	}

	public static WishState confirm(WishState current) {
		require(current, WishAction.CONFIRM, EnumSet.of(WishState.FULFILLED));
		return WishState.CONFIRMED;
	}

	/** Nobody took it by its date: it goes back to the community. */
	public static WishState raise(WishState current) {
		require(current, WishAction.RAISE, EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED));
		return WishState.RAISED;
	}

	static void require(WishState current, WishAction action, Set<WishState> allowed) {
		if (!allowed.contains(current)) {
			throw new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "wish.illegalTransition", action.name(),
					current.name());
		}
	}

	private static void requireText(String field, String text, String key) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem(field, key)));
		}
	}
}
