package org.zhizhi.command.sentinel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.AlertView;
import org.zhizhi.command.CommandRoles;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.incident.IncidentSignals;
import org.zhizhi.incident.IncidentSignals.LateIncident;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * 监管: what is late in the reader's scope right now — alerts not handled by the time their rule gives, and incidents
 * still open past their resolution deadline — the longest late first.
 */
@Service
public class Supervision {

	public static final int LIMIT = 100;

	public record Late(Instant now, List<AlertView> alerts, List<LateIncident> incidents) {
	}

	private final JdbcAlerts alerts;

	private final IncidentSignals incidents;

	private final Clock clock;

	Supervision(JdbcAlerts alerts, IncidentSignals incidents, Clock clock) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Late late(Actor actor) {
		if (!CommandRoles.readsAlerts(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
		Instant now = clock.instant();
		return new Late(now,
				alerts.late(actor.scope(), now, LIMIT).stream()
					.map(a -> AlertViews.of(a, AlertPolicy.allowedActions(actor, a)))
					.toList(),
				incidents.late(actor.scope(), now, LIMIT));
	}
}
