package org.zhizhi.property;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.InspectionView;
import org.zhizhi.property.PropertyViews.RectificationView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of property supervision waits: an inspector inspects the month's estates, finishes what he started, checks the rectifications a company reported done (the loop's
 * incident waits for his check) and keeps an eye on those running late. The company's own orders reach its liaison
 * through the whistle loop's list, not twice here.
 */
@Service
@Transactional(readOnly = true)
class PropertyWaitingWork implements WaitingWork {

	private final Rectifications rectifications;

	private final Inspections inspections;

	private final PropertyCompanies companies;

	private final ZoneId zone;

	PropertyWaitingWork(Rectifications rectifications, Inspections inspections, PropertyCompanies companies,
			ZoneId zone) {
		this.rectifications = rectifications;
		this.inspections = inspections;
		this.companies = companies;
		this.zone = zone;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (!PropertyRoles.mayInspect(actor)) {
			return found;
		}
		inspections(found, actor, now, limit);
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

	/**
	 * 月检查: the estates under a running contract he has not inspected this month (due by the month's end), and his
	 * inspections started and not submitted — the same reckoning as his inspection page.
	 */
	private void inspections(List<Waiting> found, Actor actor, Instant now, int limit) {
		YearMonth month = YearMonth.from(now.atZone(zone));
		List<InspectionView> mine = inspections.mine(actor, 200);
		Set<UUID> inspected = mine.stream()
			.filter(i -> i.state() != InspectionState.CANCELLED)
			.filter(i -> YearMonth.from(i.startedAt().atZone(zone)).equals(month))
			.map(InspectionView::estateId)
			.collect(Collectors.toSet());
		Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		List<Contract> due = companies.running(actor).stream().filter(c -> !inspected.contains(c.estateId())).toList();
		if (!due.isEmpty()) {
			found.add(new Waiting("workbench.property.toInspect", due.size(), "/m/property", due.stream()
				.limit(limit)
				.map(c -> new Item(c.estateName(), c.companyName(), monthStart, monthEnd, false, "/m/property",
						"workbench.action.inspect"))
				.toList()));
		}
		List<InspectionView> open = mine.stream().filter(i -> i.state() == InspectionState.OPEN).toList();
		if (!open.isEmpty()) {
			found.add(new Waiting("workbench.property.openInspections", open.size(), "/m/property", open.stream()
				.limit(limit)
				.map(i -> new Item(i.estateName(), i.companyName(), i.startedAt(), null, false,
						"/m/property/inspections/" + i.id(), "workbench.action.finish"))
				.toList()));
		}
	}

	private static Item item(RectificationView r, Instant since, String action) {
		return new Item(r.criterionCode() + " " + r.note(), r.estateName(), since, r.dueAt(), r.overdue(),
				"/m/property/rectifications/" + r.id(), action);
	}
}
