package org.zhizhi.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhizhi.shared.DomainException.Category;

/**
 * An aggregate's life cycle as a table: for each action, the states it may be taken from, the states it may lead to
 * (or that it leaves the state as it is), and the roles that may take it. The table is data — the aggregate asks it
 * before every step, the policy asks it which actions to offer, and a test walks every action from every state — so
 * that a new step is one more row, not another {@code if} in a service, a controller and a template.
 *
 * <p>Who may take a step often depends on more than a role (the handler of an incident, the poster of a wish): the
 * table holds the roles, the module's policy adds its relations. Free of Spring and SQL, like every aggregate.
 *
 * <p>A refused step is the row's {@link Refusal}: the table's ({@code ILLEGAL_TRANSITION} with its message key) unless
 * the row says otherwise ({@link Builder#refusing}), because an API may have answered one step's refusal with its own
 * code and words long before the table existed (a claim of an item no longer open is {@code NOT_OPEN}). Either way the
 * arguments are the state's and the action's names, so that no module builds its own refusal.
 *
 * @param <S> the aggregate's states
 * @param <A> the actions its timeline records
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>> {

	/** How a step from the wrong state is refused: 409 with a stable code and a message key. */
	public record Refusal(String code, String messageKey) {

		/** The refusal naming the state the aggregate is in and the action refused. */
		public <S extends Enum<S>, A extends Enum<A>> DomainException of(S current, A action) {
			return new DomainException(Category.CONFLICT, code, messageKey, current.name(), action.name());
		}
	}

	/**
	 * One row: from where an action may be taken, where it may lead ({@code stays}: nowhere), who may take it, and how
	 * it is refused from any other state.
	 */
	public record Step<S extends Enum<S>, A extends Enum<A>>(A action, Set<S> from, Set<S> to, boolean stays,
			Set<Role> roles, Refusal refusal) {

		/** Whether the step may lead from {@code current} to {@code target}. */
		public boolean leadsTo(S current, S target) {
			return stays ? current == target : to.contains(target);
		}
	}

	private final Class<S> states;

	private final Map<A, Step<S, A>> steps;

	private final Refusal illegal;

	private Lifecycle(Class<S> states, Map<A, Step<S, A>> steps, Refusal illegal) {
		this.states = states;
		this.steps = steps;
		this.illegal = illegal;
	}

	/**
	 * Starts a table. {@code illegalMessageKey} is the message of a refused step; it gets the current state's and the
	 * action's names as arguments, and the refusal's code is {@code ILLEGAL_TRANSITION} — for every row that does not
	 * name its own ({@link Builder#refusing}).
	 */
	public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(Class<S> states, Class<A> actions,
			String illegalMessageKey) {
		return new Builder<>(states, actions, illegalMessageKey);
	}

	/** The row of an action; an action without one is never allowed. */
	public Step<S, A> step(A action) {
		Step<S, A> step = steps.get(action);
		if (step == null) {
			throw new IllegalArgumentException("no step " + action + " in this life cycle");
		}
		return step;
	}

	/** Whether the action may be taken from the state. */
	public boolean allows(S current, A action) {
		Step<S, A> step = steps.get(action);
		return step != null && step.from().contains(current);
	}

	/** The actions the table allows from a state, whoever asks. */
	public Set<A> actionsFrom(S current) {
		Set<A> actions = null;
		for (Step<S, A> step : steps.values()) {
			if (step.from().contains(current)) {
				if (actions == null) {
					actions = EnumSet.of(step.action());
				}
				else {
					actions.add(step.action());
				}
			}
		}
		return actions == null ? Set.of() : Collections.unmodifiableSet(actions);
	}

	/** Whether one of the roles may take the action (before any relation the policy adds). */
	public boolean mayTake(Set<Role> roles, A action) {
		Step<S, A> step = steps.get(action);
		return step != null && roles.stream().anyMatch(step.roles()::contains);
	}

	/** Refuses an action from a state it is not allowed from, naming the state the aggregate is in. */
	public void require(S current, A action) {
		if (!allows(current, action)) {
			throw illegal(current, action);
		}
	}

	/**
	 * The state a step leads to: checks that the action is allowed from {@code current} and that {@code target} is one
	 * of its destinations (for a step that stays, {@code target} must be {@code current}).
	 */
	public S move(S current, A action, S target) {
		require(current, action);
		if (!step(action).leadsTo(current, target)) {
			throw new IllegalStateException(action + " does not lead from " + current + " to " + target);
		}
		return target;
	}

	/** The one destination of a step that has exactly one, after checking it is allowed from {@code current}. */
	public S next(S current, A action) {
		require(current, action);
		Step<S, A> step = step(action);
		if (step.stays()) {
			return current;
		}
		if (step.to().size() != 1) {
			throw new IllegalStateException(action + " leads to one of " + step.to() + ": say which with move()");
		}
		return step.to().iterator().next();
	}

	/**
	 * The refusal of a step from the wrong state: 409 with the row's code and message ({@code ILLEGAL_TRANSITION} and
	 * the table's message unless the row names its own), naming the state and the action.
	 */
	public DomainException illegal(S current, A action) {
		Step<S, A> step = steps.get(action);
		// an action without a row is allowed from nowhere: refused as the table refuses
		return (step == null ? illegal : step.refusal()).of(current, action);
	}

	/** Every state of the aggregate, for tests that walk the table. */
	public Set<S> states() {
		return EnumSet.allOf(states);
	}

	/** Every action with a row. */
	public Set<A> actions() {
		return Collections.unmodifiableSet(steps.keySet());
	}

	/** Builds the table row by row; each action has exactly one row. */
	public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

		private final Class<S> states;

		private final Map<A, Step<S, A>> steps;

		private final Refusal illegal;

		private Builder(Class<S> states, Class<A> actions, String illegalMessageKey) {
			this.states = states;
			this.steps = new EnumMap<>(actions);
			this.illegal = new Refusal("ILLEGAL_TRANSITION", illegalMessageKey);
		}

		/** An action that moves the aggregate from one of {@code from} to one of {@code to}. */
		public Builder<S, A> step(A action, Set<S> from, Set<S> to, Set<Role> roles) {
			return put(new Step<>(action, copy(from), copy(to), false, Set.copyOf(roles), illegal));
		}

		/** An action that moves the aggregate from one of {@code from} to {@code to}. */
		public Builder<S, A> step(A action, Set<S> from, S to, Set<Role> roles) {
			return step(action, from, EnumSet.of(to), roles);
		}

		/** An action that records something without moving the aggregate (a note, an urge). */
		public Builder<S, A> stay(A action, Set<S> from, Set<Role> roles) {
			return put(new Step<>(action, copy(from), Set.of(), true, Set.copyOf(roles), illegal));
		}

		/**
		 * The row of {@code action} (written before) is refused with its own code and message instead of the table's,
		 * still naming the state and the action.
		 */
		public Builder<S, A> refusing(A action, String code, String messageKey) {
			Step<S, A> step = steps.get(action);
			if (step == null) {
				throw new IllegalArgumentException("no step " + action + " to refuse: write its row first");
			}
			steps.put(action, new Step<>(action, step.from(), step.to(), step.stays(), step.roles(),
					new Refusal(code, messageKey)));
			return this;
		}

		public Lifecycle<S, A> build() {
			return new Lifecycle<>(states, new EnumMap<>(steps), illegal);
		}

		private Builder<S, A> put(Step<S, A> step) {
			if (step.from().isEmpty()) {
				throw new IllegalArgumentException(step.action() + " is allowed from no state");
			}
			if (steps.putIfAbsent(step.action(), step) != null) {
				throw new IllegalArgumentException(step.action() + " has two rows");
			}
			return this;
		}

		private Set<S> copy(Set<S> set) {
			return set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set));
		}
	}
}
