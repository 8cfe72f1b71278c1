package org.zhizhi.citylink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Which deadline of a city platform's order the district can be bound to. A deadline binds the incident it makes (it
 * must be resolved by it, whatever the district's own policy would give), so it must be one the district can still
 * meet and one the platform can mean:
 * <ul>
 * <li>not already passed when the order first arrives — an order born overdue would count late before anyone saw it;
 * the platform is told, and sends it again with the deadline it extended;</li>
 * <li>at most {@link #FURTHEST} after it arrives — 12345 and 141 give hours to 60 working days (about three months)
 * even for their hardest cases; a deadline a year and more away is a typed year, and would leave the order without a
 * deadline in practice.</li>
 * </ul>
 * Only the first delivery is judged: a redelivery answers the incident the first made, even when the deadline has
 * passed since.
 */
public final class OrderDeadline {

	/** How far after its arrival an order's deadline may lie. */
	public static final Duration FURTHEST = Duration.ofDays(366);

	private OrderDeadline() {
	}

	/** The field problem with an order's deadline arriving at {@code now}, if it has one; none without a deadline. */
	public static Optional<FieldProblem> problem(Instant deadline, Instant now) {
		if (deadline == null) {
			return Optional.empty();
		}
		if (!deadline.isAfter(now)) {
			return Optional.of(new FieldProblem("deadline", "citylink.deadlinePassed"));
		}
		if (deadline.isAfter(now.plus(FURTHEST))) {
			return Optional.of(new FieldProblem("deadline", "citylink.deadlineTooFar", FURTHEST.toDays()));
		}
		return Optional.empty();
	}
}
