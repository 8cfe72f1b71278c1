package org.zhizhi.points;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.points.persistence.JdbcPointsMonth;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/** A period's points of the caller's scope, for a month's report: the points desk's alone, like its statements. */
@Service
@Transactional(readOnly = true)
public class PointsMonths {

	private final JdbcPointsMonth months;

	PointsMonths(JdbcPointsMonth months) {
		this.months = months;
	}

	/** Earned and spent by kind of scheme, who earned, the top reasons, from included, to excluded. */
	public PointsMonth month(Actor actor, Instant from, Instant to) {
		if (!PointsRoles.mayOpenDesk(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		return months.month(actor.scope(), from, to);
	}
}
