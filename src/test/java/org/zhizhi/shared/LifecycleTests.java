package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The table's refusals, without Spring: a step from the wrong state is the row's refusal — the table's
 * {@code ILLEGAL_TRANSITION} unless the row names its own code and message — naming the state and the action.
 */
class LifecycleTests {

	enum State {
		OPEN, SHUT
	}

	enum Action {
		SHUT, NOTE, TAKE
	}

	private static final Lifecycle<State, Action> TABLE = Lifecycle.of(State.class, Action.class, "thing.illegal")
		.step(Action.SHUT, EnumSet.of(State.OPEN), State.SHUT, Set.of(Role.COMMUNITY_STAFF))
		.stay(Action.NOTE, EnumSet.of(State.OPEN), Set.of(Role.COMMUNITY_STAFF))
		.step(Action.TAKE, EnumSet.of(State.OPEN), State.OPEN, Set.of(Role.PARTY_MEMBER))
		.refusing(Action.TAKE, "NOT_OPEN", "thing.notOpen")
		.build();

	@Test
	void aRowWithoutItsOwnRefusalIsRefusedAsTheTableRefusesNamingStateAndAction() {
		for (Action action : EnumSet.of(Action.SHUT, Action.NOTE)) {
			assertThatThrownBy(() -> TABLE.require(State.SHUT, action)).isInstanceOfSatisfying(DomainException.class,
					e -> {
						assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
						assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
						assertThat(e.messageKey()).isEqualTo("thing.illegal");
						assertThat(e.args()).containsExactly("SHUT", action.name());
					});
		}
	}

	@Test
	void aRowWithItsOwnRefusalIsRefusedWithItsCodeAndMessageWhereverTheRefusalIsAskedFor() {
		assertThatThrownBy(() -> TABLE.next(State.SHUT, Action.TAKE)).isInstanceOfSatisfying(DomainException.class,
				e -> {
					assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
					assertThat(e.code()).isEqualTo("NOT_OPEN");
					assertThat(e.messageKey()).isEqualTo("thing.notOpen");
					assertThat(e.args()).containsExactly("SHUT", "TAKE");
				});
		// after a lost race the command asks for the refusal of the state it finds now
		DomainException lost = TABLE.illegal(State.SHUT, Action.TAKE);
		assertThat(lost.code()).isEqualTo("NOT_OPEN");
		assertThat(TABLE.step(Action.TAKE).refusal()).isEqualTo(new Lifecycle.Refusal("NOT_OPEN", "thing.notOpen"));
		assertThat(TABLE.step(Action.SHUT).refusal())
			.isEqualTo(new Lifecycle.Refusal("ILLEGAL_TRANSITION", "thing.illegal"));
	}

	@Test
	void aRefusalNamesARowWrittenBefore() {
		assertThatThrownBy(() -> Lifecycle.of(State.class, Action.class, "thing.illegal")
			.refusing(Action.TAKE, "NOT_OPEN", "thing.notOpen")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aRefusalKeepsTheRowAsItWas() {
		Lifecycle.Step<State, Action> take = TABLE.step(Action.TAKE);
		assertThat(take.from()).containsExactly(State.OPEN);
		assertThat(take.to()).containsExactly(State.OPEN);
		assertThat(take.stays()).isFalse();
		assertThat(take.roles()).containsExactly(Role.PARTY_MEMBER);
		assertThat(TABLE.allows(State.OPEN, Action.TAKE)).isTrue();
	}
}
