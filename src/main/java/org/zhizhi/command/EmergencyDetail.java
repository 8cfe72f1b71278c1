package org.zhizhi.command;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One emergency whistle with everyone it called and its history — what the board shows while it calls and the record
 * that stays once it is stood down: how fast people answered and arrived; {@code unreachable} those of its forces it
 * could not tell (no account), for the desk's telephone.
 */
public record EmergencyDetail(EmergencyView whistle, List<CalleeView> callees, List<EmergencyUnreachable> unreachable,
		List<EmergencyStep> steps) {

	/** Median minutes from the whistle to an answer, over those who answered; empty if nobody did. */
	public OptionalDouble medianMinutesToAnswer() {
		return median(callees.stream().filter(c -> c.answeredAt() != null)
			.mapToDouble(c -> minutes(Duration.between(whistle.blownAt(), c.answeredAt()))).sorted().toArray());
	}

	/** Median minutes from the whistle to a check-in on site, over those who arrived. */
	public OptionalDouble medianMinutesToArrive() {
		return median(callees.stream().filter(c -> c.arrivedAt() != null)
			.mapToDouble(c -> minutes(Duration.between(whistle.blownAt(), c.arrivedAt()))).sorted().toArray());
	}

	private static double minutes(Duration d) {
		return d.toSeconds() / 60.0;
	}

	private static OptionalDouble median(double[] sorted) {
		if (sorted.length == 0) {
			return OptionalDouble.empty();
		}
		int mid = sorted.length / 2;
		return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
	}
}
