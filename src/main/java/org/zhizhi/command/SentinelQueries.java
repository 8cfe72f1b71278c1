package org.zhizhi.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.command.sentinel.AlertViews;
import org.zhizhi.command.sentinel.persistence.JdbcAlerts;
import org.zhizhi.shared.DataScope;

/**
 * The sentinel's reads for whoever shows alerts without acting on them — the big screen, a feed: the open alerts of a
 * scope and how many each grid and estate has. Views carry no actions; the alerts' desk decides those.
 */
@Service
public class SentinelQueries implements GridRisk {

	public static final int MAX = 500;

	private final JdbcAlerts alerts;

	SentinelQueries(JdbcAlerts alerts) {
		this.alerts = alerts;
	}

	/** The scope's open alerts (of one kind, or all when {@code kind} is null), the oldest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<AlertView> openAlerts(DataScope scope, RuleKind kind, int limit) {
		return alerts.ofScope(scope, new JdbcAlerts.Filter(null, kind, true), Math.clamp(limit, 1, MAX), 0)
			.stream()
			.map(a -> AlertViews.of(a, Set.of()))
			.toList();
	}

	/** How many alerts of the scope are in each state. */
	@Transactional(readOnly = true)
	public Map<AlertState, Long> countsByState(DataScope scope) {
		return alerts.counts(scope);
	}

	/** Open alerts per grid of the scope (alerts about a grid, or a pairing in it), the most first. */
	@Transactional(readOnly = true)
	public Map<UUID, Long> openCountsByGrid(DataScope scope) {
		return alerts.openCountsBy(scope, true);
	}

	/** The screen's map: a grid's open alerts weigh on its colour beside its open and overdue incidents. */
	@Override
	@Transactional(readOnly = true)
	public Map<UUID, Long> openAlertsByGrid(DataScope scope) {
		return openCountsByGrid(scope);
	}

	/** Open alerts per estate of the scope (about the estate, a building of it, or its company's inspection). */
	@Transactional(readOnly = true)
	public Map<UUID, Long> openCountsByEstate(DataScope scope) {
		return alerts.openCountsBy(scope, false);
	}
}
