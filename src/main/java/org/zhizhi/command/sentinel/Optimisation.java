package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.persistence.JdbcOptimisation;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * 优化: which rules fired and how their alerts ended over a period, in the reader's scope — a rule whose alerts are
 * mostly dismissed fires on what needs nothing (raise its threshold); one whose alerts run late asks too much of its
 * owner (another owner, more hours).
 */
@Service
public class Optimisation {

	/** The longest period a report covers. */
	public static final int MAX_DAYS = 366;

	/**
	 * One rule's period: alerts raised, closed as handled, dismissed without action, still open, late (handled — or
	 * still open — past their due time) and the average hours from raise to handling (null: none handled).
	 */
	public record RuleOutcome(UUID ruleId, RuleKind kind, boolean enabled, int threshold, int windowDays, int fired,
			int handled, int noAction, int open, int late, Integer averageHoursToHandle) {

		/** The share of closed alerts dismissed without action, in percent (null: none closed). */
		public Integer noActionPercent() {
			int closed = handled + noAction;
			return closed == 0 ? null : noAction * 100 / closed;
		}
	}

	public record Report(Instant from, Instant to, int days, List<RuleOutcome> rules) {
	}

	private final JdbcOptimisation figures;

	private final Clock clock;

	Optimisation(JdbcOptimisation figures, Clock clock) {
		this.figures = figures;
		this.clock = clock;
	}

	/** The last {@code days} days up to now (1 to {@link #MAX_DAYS}; anything else is refused as a field problem). */
	@Transactional(readOnly = true)
	public Report report(Actor actor, int days) {
		if (!CommandRoles.readsAlerts(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		if (days < 1 || days > MAX_DAYS) {
			throw DomainException.invalid(List.of(new DomainException.FieldProblem("days", "command.daysRange", 1,
					MAX_DAYS)));
		}
		Instant to = clock.instant();
		Instant from = to.minus(Duration.ofDays(days));
		return new Report(from, to, days,
				figures.outcomes(DataScope.districtOf(actor.scope().path()), actor.scope(), from, to));
	}

	/**
	 * A given period (from included, to excluded) — a month's report. The rules' outcomes as {@link #report(Actor, int)}
	 * counts them; the period's length is the caller's (a month is well inside {@link #MAX_DAYS}).
	 */
	@Transactional(readOnly = true)
	public Report report(Actor actor, Instant from, Instant to) {
		if (!CommandRoles.readsAlerts(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		int days = (int) Math.max(1, Duration.between(from, to).toDays());
		return new Report(from, to, days,
				figures.outcomes(DataScope.districtOf(actor.scope().path()), actor.scope(), from, to));
	}
}
