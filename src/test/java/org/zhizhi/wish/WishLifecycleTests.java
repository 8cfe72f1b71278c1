package org.zhizhi.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;

/** Every step from every state: the allowed ones lead where the issue says, the others are refused naming the state. */
class WishLifecycleTests {

	@Test
	void theHappyPathRunsFromPostedToConfirmed() {
		WishState s = WishState.POSTED;
		s = WishLifecycle.approve(s);
		assertThat(s).isEqualTo(WishState.APPROVED);
		s = WishLifecycle.publish(s);
		assertThat(s).isEqualTo(WishState.PUBLISHED);
		s = WishLifecycle.take(s, 0, 1);
		assertThat(s).isEqualTo(WishState.TAKEN);
		s = WishLifecycle.fulfil(s, "送到了");
		assertThat(s).isEqualTo(WishState.FULFILLED);
		assertThat(WishLifecycle.confirm(s)).isEqualTo(WishState.CONFIRMED);
	}

	@Test
	void aRefusalNeedsAReasonAndEndsTheWish() {
		assertThatThrownBy(() -> WishLifecycle.refuse(WishState.POSTED, " ")).isInstanceOf(DomainException.class)
			.extracting("code")
			.isEqualTo("VALIDATION_FAILED");
		assertThat(WishLifecycle.refuse(WishState.POSTED, "不属于微心愿")).isEqualTo(WishState.REFUSED);
		assertRefusedExceptFrom(s -> WishLifecycle.refuse(s, "x"), EnumSet.of(WishState.POSTED));
	}

	@Test
	void eachStepIsAllowedOnlyFromItsStates() {
		assertRefusedExceptFrom(WishLifecycle::approve, EnumSet.of(WishState.POSTED));
		assertRefusedExceptFrom(WishLifecycle::publish, EnumSet.of(WishState.APPROVED, WishState.RAISED));
		assertRefusedExceptFrom(WishLifecycle::dispatch, EnumSet.of(WishState.APPROVED, WishState.RAISED));
		assertRefusedExceptFrom(s -> WishLifecycle.take(s, 0, 1),
				EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED, WishState.TAKEN));
		assertRefusedExceptFrom(s -> WishLifecycle.fulfil(s, "done"), EnumSet.of(WishState.TAKEN));
		assertRefusedExceptFrom(WishLifecycle::confirm, EnumSet.of(WishState.FULFILLED));
		assertRefusedExceptFrom(WishLifecycle::raise, EnumSet.of(WishState.PUBLISHED, WishState.DISPATCHED));
		assertRefusedExceptFrom(WishLifecycle::edit, EnumSet.of(WishState.POSTED, WishState.APPROVED, WishState.RAISED));
	}

	@Test
	void aFullWishTakesNoMoreAndAWishForSeveralTakesUpToItsNumber() {
		assertThat(WishLifecycle.take(WishState.TAKEN, 2, 3)).isEqualTo(WishState.TAKEN);
		assertThatThrownBy(() -> WishLifecycle.take(WishState.TAKEN, 3, 3)).isInstanceOf(DomainException.class)
			.extracting("code")
			.isEqualTo("WISH_FULL");
		assertThatThrownBy(() -> WishLifecycle.take(WishState.TAKEN, 1, 1)).extracting("code").isEqualTo("WISH_FULL");
	}

	@Test
	void fulfilmentNeedsANote() {
		assertThatThrownBy(() -> WishLifecycle.fulfil(WishState.TAKEN, null)).extracting("code")
			.isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void onlyUnclaimedWishesAreRaised() {
		assertThat(WishState.PUBLISHED.unclaimed()).isTrue();
		assertThat(WishState.DISPATCHED.unclaimed()).isTrue();
		assertThat(WishState.TAKEN.unclaimed()).isFalse();
	}

	private static void assertRefusedExceptFrom(Function<WishState, WishState> step, Set<WishState> allowed) {
		for (WishState state : WishState.values()) {
			if (allowed.contains(state)) {
				step.apply(state);
				continue;
			}
			assertThatThrownBy(() -> step.apply(state)).as("from %s", state)
				.isInstanceOfSatisfying(DomainException.class, e -> {
					assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
					assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
					assertThat(e.args()).contains(state.name());
				});
		}
	}
}
