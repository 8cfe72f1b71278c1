package org.zhizhi.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A deadline set outside the district that binds it: a city platform's order (12345 hotline, 141 system) names the
 * instant its incident must be resolved by. The incident is due to resolve by it from the moment it is reported, and
 * whatever its own deadline policy sets later never falls after it ({@link Incident}). The source is the platform's
 * code ({@code HOTLINE_12345}, {@code TASK_141}), kept so that a page can say whose deadline it is (12345时限).
 */
public record BindingDeadline(String source, Instant dueAt) {

	public BindingDeadline {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(dueAt, "dueAt");
		if (!source.matches("[A-Z0-9_]{1,40}")) {
			throw new IllegalArgumentException("a binding deadline's source is a platform's code: " + source);
		}
	}

	/** The earlier of a deadline the policy computed and this one; null stays null (no such deadline yet). */
	public Instant bound(Instant due) {
		return due == null || due.isBefore(dueAt) ? due : dueAt;
	}
}
