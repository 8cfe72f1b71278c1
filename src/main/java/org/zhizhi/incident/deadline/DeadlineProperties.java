package org.zhizhi.incident.deadline;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.zhizhi.incident.WhistleType;

/**
 * The deadlines as configured under {@code zhizhi.incident.deadlines.*} (defaults and their reasons in
 * application.properties and the README): for each whistle type three targets, and per category overrides of any of
 * them. For example
 *
 * <pre>
 * zhizhi.incident.deadlines.types.quick.respond.duration=2h
 * zhizhi.incident.deadlines.types.quick.respond.basis=working-hours
 * zhizhi.incident.deadlines.categories[MANHOLE_COVER].quick.on-site.duration=1h
 * zhizhi.incident.deadlines.categories[MANHOLE_COVER].quick.on-site.basis=around-the-clock
 * </pre>
 *
 * Category codes go in brackets so that their underscores survive binding.
 *
 * @param types the targets of each whistle type; every type needs all three
 * @param categories per category code and whistle type, the targets that differ; an override may leave its duration or
 *     basis out to keep the type's
 */
@ConfigurationProperties("zhizhi.incident.deadlines")
public record DeadlineProperties(Map<WhistleType, Targets> types, Map<String, Map<WhistleType, Targets>> categories) {

	public DeadlineProperties {
		types = types == null ? Map.of() : Map.copyOf(types);
		categories = categories == null ? Map.of() : Map.copyOf(categories);
	}

	/** How long a step may take and on which clock. */
	public record Target(Duration duration, Basis basis) {

		/** This target with the other's parts where this one leaves them out. */
		Target or(Target fallback) {
			return new Target(duration != null ? duration : fallback.duration(),
					basis != null ? basis : fallback.basis());
		}
	}

	/**
	 * The three targets of a whistle: respond (党员接单 / 单位应哨, for a tough whistle the plan), on site (线下报到) and
	 * resolved (办结).
	 */
	public record Targets(Target respond, Target onSite, Target resolve) {
	}
}
