package org.zhizhi.property;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * 整改: a finding's order to the company. It is carried out in the whistle loop — an incident assigned to the
 * company's unit, with the loop's deadlines, cards and escalations — and follows that incident's steps: resolved by
 * the company, it waits for the inspector's check; passed, it is done; sent back, the company works on it again.
 */
public final class Rectification extends AggregateRoot<Object> {

	/** What the order is about: fixed when it is raised. */
	public record Order(UUID findingId, UUID inspectionId, UUID companyId, String estateName, String criterionCode,
			String note, String scopePath, UUID inspectorId, UUID incidentId, Instant issuedAt) {
	}

	/** Where the loop's incident stands, as the rectification keeps it. */
	public record Loop(String state, Instant dueAt, int escalations, int redCards) {
	}

	private final UUID id;

	private final Order order;

	private RectificationState state;

	private Loop loop;

	private int sentBack;

	private Instant answeredAt;

	private Instant closedAt;

	public Rectification(UUID id, Order order, RectificationState state, Loop loop, int sentBack, Instant answeredAt,
			Instant closedAt, int version) {
		super(version);
		this.id = id;
		this.order = order;
		this.state = state;
		this.loop = loop;
		this.sentBack = sentBack;
		this.answeredAt = answeredAt;
		this.closedAt = closedAt;
	}

	public static Rectification issue(UUID id, Order order, Loop loop) {
		return new Rectification(id, order, RectificationState.ISSUED, loop, 0, null, null, 0);
	}

	/**
	 * The loop's incident as it is now: resolved by the company → answered; ended without the inspector's pass
	 * (rejected, closed) → withdrawn; anything else keeps the order where it is, with the deadline and the escalations
	 * the loop gave it.
	 */
	public void follow(Loop now, boolean resolved, boolean ended, Instant at) {
		RectificationState next = ended ? RectificationState.WITHDRAWN
				: resolved ? RectificationState.ANSWERED : state;
		state = RectificationLifecycle.TABLE.move(state, RectificationAction.FOLLOW_LOOP, next);
		loop = now;
		if (next == RectificationState.ANSWERED && answeredAt == null) {
			answeredAt = at;
		}
		if (next == RectificationState.WITHDRAWN) {
			closedAt = at;
		}
	}

	/** The inspector found it done. */
	public void pass(Instant at) {
		pass(at, loop);
	}

	/** The inspector found it done, and the loop's incident, verified, is where {@code now} says. */
	public void pass(Instant at, Loop now) {
		state = RectificationLifecycle.TABLE.next(state, RectificationAction.PASS);
		closedAt = at;
		loop = now;
	}

	/** The inspector found it not done: back to the company, in the loop as rework. */
	public void sendBack() {
		state = RectificationLifecycle.TABLE.next(state, RectificationAction.SEND_BACK);
		sentBack++;
		answeredAt = null;
	}

	/** Late: still with the company after the loop's deadline. */
	public boolean overdue(Instant now) {
		return state == RectificationState.ISSUED && loop.dueAt() != null && now.isAfter(loop.dueAt());
	}

	public UUID id() {
		return id;
	}

	public Order order() {
		return order;
	}

	public RectificationState state() {
		return state;
	}

	public Loop loop() {
		return loop;
	}

	public int sentBack() {
		return sentBack;
	}

	public Instant answeredAt() {
		return answeredAt;
	}

	public Instant closedAt() {
		return closedAt;
	}
}
