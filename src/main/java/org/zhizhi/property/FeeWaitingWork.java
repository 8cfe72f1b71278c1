package org.zhizhi.property;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.property.SelfRunBooks.BuildingCollection;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of a self-run estate's fees waits: a guardian collects this month's unpaid bills of the buildings he guards
 * (due by the month's end); the desk looks into the buildings whose collection last month fell below the body's line.
 */
@Service
@Transactional(readOnly = true)
class FeeWaitingWork implements WaitingWork {

	private final SelfRunBooks books;

	private final ZoneId zone;

	private final MessageSource messages;

	FeeWaitingWork(SelfRunBooks books, ZoneId zone, MessageSource messages) {
		this.books = books;
		this.zone = zone;
		this.messages = messages;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Item> toCollect = new ArrayList<>();
		long unpaid = 0;
		List<Item> flagged = new ArrayList<>();
		YearMonth month = YearMonth.from(now.atZone(zone));
		Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
		for (SelfRun selfRun : books.mine(actor)) {
			java.util.Set<java.util.UUID> guarded = books.buildings(actor, selfRun.estateId()).stream()
				.filter(b -> actor.userId().equals(b.guardianId()))
				.map(SelfRun.Building::buildingId)
				.collect(java.util.stream.Collectors.toSet());
			if (!guarded.isEmpty()) {
				for (BuildingCollection c : books.collection(actor, selfRun.estateId(), month)) {
					long open = c.billed() - c.paid() - c.exempt();
					if (guarded.contains(c.buildingId()) && open > 0) {
						unpaid += open;
						toCollect.add(new Item(selfRun.estateName() + " " + c.buildingName(),
								messages.getMessage("property.fees.collectionLine",
										new Object[] { c.paid(), c.billed() - c.exempt(), c.exempt() },
										LocaleContextHolder.getLocale()),
								monthStart, monthEnd, false,
								"/m/fees/" + selfRun.estateId() + "?building=" + c.buildingId(),
								"workbench.action.collect"));
					}
				}
			}
			if (books.keeps(actor, selfRun.estateId())) {
				for (BuildingCollection c : books.collection(actor, selfRun.estateId(), month.minusMonths(1))) {
					if (c.flagged()) {
						flagged.add(new Item(selfRun.estateName() + " " + c.buildingName() + " " + c.ratePercent() + "%",
								c.guardianName(), month.minusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), null,
								true, "/m/fees/" + selfRun.estateId() + "?month=" + month.minusMonths(1) + "&building="
										+ c.buildingId(),
								"workbench.action.lookInto"));
					}
				}
			}
		}
		List<Waiting> found = new ArrayList<>();
		if (!toCollect.isEmpty()) {
			found.add(new Waiting("workbench.fees.toCollect", unpaid, "/m/fees", toCollect.stream().limit(limit)
				.toList()));
		}
		if (!flagged.isEmpty()) {
			found.add(new Waiting("workbench.fees.flagged", flagged.size(), "/m/fees", flagged.stream().limit(limit)
				.toList()));
		}
		return found;
	}
}
