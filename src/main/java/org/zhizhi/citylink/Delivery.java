package org.zhizhi.citylink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One feed event on its way to one subscriber. The worker that leased it hands over each attempt's answer and gets
 * the state the delivery moves to; an admin may send it again once it is delivered or given up. No Spring, no SQL.
 */
public final class Delivery {

	/** What an attempt came to and when the next one is due (null unless the delivery is still pending). */
	public record Outcome(DeliveryAction action, DeliveryState state, Instant nextAttemptAt) {
	}

	private final UUID id;

	private DeliveryState state;

	private int attempts;

	private final int version;

	public Delivery(UUID id, DeliveryState state, int attempts, int version) {
		this.id = id;
		this.state = state;
		this.attempts = attempts;
		this.version = version;
	}

	/** Whether an HTTP answer counts as delivered: any 2xx, nothing else (a redirect is not followed). */
	public static boolean accepted(Integer statusCode) {
		return statusCode != null && statusCode >= 200 && statusCode < 300;
	}

	/**
	 * The answer of the attempt this delivery's lease counted ({@code attempts}): a 2xx delivers it; anything else —
	 * another status, a timeout, a refused connection (no status) — waits the schedule's next wait, or gives up after
	 * the last.
	 */
	public Outcome attempted(Integer statusCode, RetrySchedule schedule, Instant now) {
		if (accepted(statusCode)) {
			state = DeliveryLifecycle.TABLE.move(state, DeliveryAction.DELIVER, DeliveryState.DELIVERED);
			return new Outcome(DeliveryAction.DELIVER, state, null);
		}
		Optional<Duration> wait = schedule.waitAfter(Math.max(attempts, 1));
		if (wait.isPresent()) {
			state = DeliveryLifecycle.TABLE.move(state, DeliveryAction.RETRY, DeliveryState.PENDING);
			return new Outcome(DeliveryAction.RETRY, state, now.plus(wait.get()));
		}
		state = DeliveryLifecycle.TABLE.move(state, DeliveryAction.GIVE_UP, DeliveryState.FAILED);
		return new Outcome(DeliveryAction.GIVE_UP, state, null);
	}

	/** Sends it again from the start of the schedule, at once; the attempts before stay in the log. */
	public Outcome resend(Instant now) {
		state = DeliveryLifecycle.TABLE.move(state, DeliveryAction.RESEND, DeliveryState.PENDING);
		attempts = 0;
		return new Outcome(DeliveryAction.RESEND, state, now);
	}

	public UUID id() {
		return id;
	}

	public DeliveryState state() {
		return state;
	}

	public int attempts() {
		return attempts;
	}

	public int version() {
		return version;
	}
}
