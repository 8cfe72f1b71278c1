package org.zhizhi.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * The visits that wait (结对帮扶): a helper's visits due within {@link #AHEAD_DAYS} days or missed, and for the desk
 * the pairings of its scope whose visit was missed.
 */
@Service
@Transactional(readOnly = true)
class PairingWaitingWork implements WaitingWork {

	/** A visit due this soon is on the helper's list already: he plans his week by it. */
	static final int AHEAD_DAYS = 3;

	private final Pairings pairings;

	private final ZoneId zone;

	PairingWaitingWork(Pairings pairings, ZoneId zone) {
		this.pairings = pairings;
		this.zone = zone;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<Pairings.PairingView> due = pairings.mine(actor).stream()
			.filter(p -> p.state() == PairingState.ACTIVE && !p.dueOn().isAfter(today.plusDays(AHEAD_DAYS)))
			.toList();
		if (!due.isEmpty()) {
			found.add(new Waiting("workbench.pairing.visitsDue", due.size(), "/m/volunteer/pairings",
					due.stream().limit(limit).map(p -> item(p, now, "workbench.action.visit")).toList()));
		}
		if (actor.hasAny(VolunteerRoles.DESK)) {
			Pairings.ScopeList scope = pairings.ofScope(actor, 0);
			List<Pairings.PairingView> missed = scope.pairings().stream().filter(p -> p.daysOverdue() > 0).toList();
			if (scope.overdue() > 0) {
				found.add(new Waiting("workbench.pairing.missed", scope.overdue(), "/m/volunteer/pairings",
						missed.stream().limit(limit).map(p -> item(p, now, "workbench.action.urge")).toList()));
			}
		}
		return found;
	}

	private Item item(Pairings.PairingView p, Instant now, String action) {
		Instant due = p.dueOn().plusDays(1).atStartOfDay(zone).toInstant();
		return new Item(p.residentName() + " · " + p.helperName(), p.dwellingLabel(),
				p.lastVisitOn() != null ? p.lastVisitOn().atStartOfDay(zone).toInstant()
						: p.startedOn().atStartOfDay(zone).toInstant(),
				due, due.isBefore(now), "/m/volunteer/pairings/" + p.id(), action);
	}
}
