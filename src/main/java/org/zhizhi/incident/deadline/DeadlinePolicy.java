package org.zhizhi.incident.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.zhizhi.incident.WhistleType;
import org.zhizhi.incident.deadline.DeadlineProperties.Target;
import org.zhizhi.incident.deadline.DeadlineProperties.Targets;

/**
 * When the steps of a whistled incident fall due: the type's three targets, a category's overrides on top, each run
 * on its own clock ({@link Basis}) over the {@link WorkingCalendar}. A later step is never due before an earlier one,
 * whatever the configuration mixes.
 */
public final class DeadlinePolicy {

	/** The three due instants of one whistle. */
	public record DueDates(Instant respondDue, Instant onSiteDue, Instant resolveDue) {
	}

	private final Map<WhistleType, Targets> types;

	private final Map<String, Map<WhistleType, Targets>> categories;

	private final WorkingCalendar calendar;

	public DeadlinePolicy(DeadlineProperties properties, WorkingCalendar calendar) {
		this.calendar = calendar;
		this.categories = properties.categories();
		this.types = new EnumMap<>(WhistleType.class);
		for (WhistleType type : WhistleType.values()) {
			Targets targets = properties.types().get(type);
			if (targets == null) {
				throw new IllegalArgumentException("zhizhi.incident.deadlines.types." + type + " is not configured");
			}
			check(type + ".respond", targets.respond());
			check(type + ".on-site", targets.onSite());
			check(type + ".resolve", targets.resolve());
			types.put(type, targets);
		}
		properties.categories().forEach((category, byType) -> byType.forEach((type, targets) -> {
			for (Target target : new Target[] { targets.respond(), targets.onSite(), targets.resolve() }) {
				if (target != null && target.duration() != null && target.duration().isNegative()) {
					throw new IllegalArgumentException("zhizhi.incident.deadlines.categories[" + category + "]."
							+ type + " has a negative duration");
				}
			}
		}));
	}

	/** The targets that apply to a whistle of this type on an incident of this category (the category may be null). */
	public Targets targets(WhistleType type, String categoryCode) {
		Targets base = types.get(type);
		Targets override = categoryCode == null ? null : categories.getOrDefault(categoryCode, Map.of()).get(type);
		if (override == null) {
			return base;
		}
		return new Targets(merge(override.respond(), base.respond()), merge(override.onSite(), base.onSite()),
				merge(override.resolve(), base.resolve()));
	}

	/** The due instants of a whistle blown at {@code whistledAt}. */
	public DueDates dueDates(WhistleType type, String categoryCode, Instant whistledAt) {
		Targets targets = targets(type, categoryCode);
		Instant respond = due(whistledAt, targets.respond());
		Instant onSite = latest(respond, due(whistledAt, targets.onSite()));
		Instant resolve = latest(onSite, due(whistledAt, targets.resolve()));
		return new DueDates(respond, onSite, resolve);
	}

	/**
	 * The resolve deadline moved on by an approved extension (延期) of {@code hours}: counted on the clock the type's
	 * resolve target runs on — office hours when it runs on working hours, working days' time when it runs on working
	 * days, plain hours around the clock.
	 */
	public Instant extend(Instant due, WhistleType type, int hours) {
		if (hours <= 0) {
			throw new IllegalArgumentException("an extension is a positive number of hours: " + hours);
		}
		return advance(due, Duration.ofHours(hours), types.get(type).resolve().basis());
	}

	/** The instant a target falls due when its clock starts at {@code from}. */
	public Instant due(Instant from, Target target) {
		return advance(from, target.duration(), target.basis());
	}

	/** The time that passed between two instants on a clock: for how late a step was, or how much of a target is used. */
	public Duration elapsed(Instant from, Instant to, Basis basis) {
		return switch (basis) {
			case AROUND_THE_CLOCK -> Duration.between(from, to);
			case WORKING_HOURS -> calendar.workingTimeBetween(from, to);
			case WORKING_DAYS -> calendar.timeOnWorkingDaysBetween(from, to);
		};
	}

	private Instant advance(Instant from, Duration amount, Basis basis) {
		return switch (basis) {
			case AROUND_THE_CLOCK -> from.plus(amount);
			case WORKING_HOURS -> calendar.addWorkingTime(from, amount);
			case WORKING_DAYS -> calendar.addOnWorkingDays(from, amount);
		};
	}

	private static Target merge(Target override, Target base) {
		return override == null ? base : override.or(base);
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static void check(String name, Target target) {
		if (target == null || target.duration() == null || target.basis() == null) {
			throw new IllegalArgumentException("zhizhi.incident.deadlines.types." + name
					+ " needs a duration and a basis");
		}
		if (target.duration().isNegative()) {
			throw new IllegalArgumentException("zhizhi.incident.deadlines.types." + name + " is negative");
		}
	}
}
