package org.zhizhi.command;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * One person called by an emergency whistle and his answer: coming, cannot (why), arrived (when and where he checked
 * in). Saved against its own version: the person's two taps at once, or his answer and the leader's stand-down, are
 * decided by the row count, not by whoever wrote last.
 */
public final class EmergencyCallee extends AggregateRoot<EmergencyEvent> {

	/** Where he checked in on site, if his phone gave a position. */
	public record Position(double lat, double lng) {
	}

	private final UUID whistleId;

	private final UUID accountId;

	private final String name;

	private final EmergencyForce force;

	private final String post;

	private final String scopePath;

	private AnswerState state;

	private Instant answeredAt;

	private String reason;

	private Instant arrivedAt;

	private Position arrivedAtPosition;

	public EmergencyCallee(UUID whistleId, UUID accountId, String name, EmergencyForce force, String post,
			String scopePath, AnswerState state, Instant answeredAt, String reason, Instant arrivedAt,
			Position arrivedAtPosition, int version) {
		super(version);
		this.whistleId = whistleId;
		this.accountId = accountId;
		this.name = name;
		this.force = force;
		this.post = post;
		this.scopePath = scopePath;
		this.state = state;
		this.answeredAt = answeredAt;
		this.reason = reason;
		this.arrivedAt = arrivedAt;
		this.arrivedAtPosition = arrivedAtPosition;
	}

	public static EmergencyCallee called(UUID whistleId, UUID accountId, String name, EmergencyForce force, String post,
			String scopePath) {
		return new EmergencyCallee(whistleId, accountId, name, force, post, scopePath, AnswerState.CALLED, null, null,
				null, null, 0);
	}

	/** 马上到: he is on his way. */
	public void coming(Instant at) {
		state = EmergencyLifecycle.ANSWER.next(state, AnswerAction.COMING);
		answeredAt = at;
		reason = null;
		register(new EmergencyEvent.EmergencyAnswered(whistleId, accountId, state, scopePath, at));
	}

	/** 无法前往, and why — the leader calls someone else. */
	public void cannot(String why, Instant at) {
		state = EmergencyLifecycle.ANSWER.next(state, AnswerAction.CANNOT);
		answeredAt = at;
		reason = why;
		register(new EmergencyEvent.EmergencyAnswered(whistleId, accountId, state, scopePath, at));
	}

	/** 已到达: checked in on site, with his phone's position when it gave one. */
	public void arrive(Position where, Instant at) {
		state = EmergencyLifecycle.ANSWER.next(state, AnswerAction.ARRIVE);
		if (answeredAt == null) {
			answeredAt = at;
		}
		arrivedAt = at;
		arrivedAtPosition = where;
		register(new EmergencyEvent.EmergencyAnswered(whistleId, accountId, state, scopePath, at));
	}

	public void check(AnswerAction action) {
		EmergencyLifecycle.ANSWER.require(state, action);
	}

	public UUID whistleId() {
		return whistleId;
	}

	public UUID accountId() {
		return accountId;
	}

	public String name() {
		return name;
	}

	public EmergencyForce force() {
		return force;
	}

	public String post() {
		return post;
	}

	public String scopePath() {
		return scopePath;
	}

	public AnswerState state() {
		return state;
	}

	public Instant answeredAt() {
		return answeredAt;
	}

	public String reason() {
		return reason;
	}

	public Instant arrivedAt() {
		return arrivedAt;
	}

	public Position arrivedAtPosition() {
		return arrivedAtPosition;
	}
}
