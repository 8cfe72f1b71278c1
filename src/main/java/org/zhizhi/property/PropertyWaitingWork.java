package org.zhizhi.property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.property.PropertyViews.RectificationView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of property supervision waits: an inspector checks the rectifications a company reported done (the loop's
 * incident waits for his check) and keeps an eye on those running late. The company's own orders reach its liaison
 * through the whistle loop's list, not twice here.
 */
@Service
@Transactional(readOnly = true)
class PropertyWaitingWork implements WaitingWork {

	private final Rectifications rectifications;

	PropertyWaitingWork(Rectifications rectifications) {
		this.rectifications = rectifications;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (!PropertyRoles.mayInspect(actor)) {
			return found;
		}
		List<RectificationView> all = rectifications.list(actor, null, null);
		List<RectificationView> answered = all.stream().filter(r -> r.state() == RectificationState.ANSWERED)
			.toList();
		if (!answered.isEmpty()) {
			found.add(new Waiting("workbench.property.toCheck", answered.size(), "/m/property/rectifications",
					answered.stream().limit(limit).map(r -> item(r, r.answeredAt(), "workbench.action.check")).toList()));
		}
		List<RectificationView> late = all.stream()
			.filter(r -> r.state() == RectificationState.ISSUED && r.overdue())
			.toList();
		if (!late.isEmpty()) {
			found.add(new Waiting("workbench.property.late", late.size(), "/m/property/rectifications",
					late.stream().limit(limit).map(r -> item(r, r.issuedAt(), "workbench.action.urge")).toList()));
		}
		return found;
	}

	private static Item item(RectificationView r, Instant since, String action) {
		return new Item(r.criterionCode() + " " + r.note(), r.estateName(), since, r.dueAt(), r.overdue(),
				"/m/property/rectifications/" + r.id(), action);
	}
}
