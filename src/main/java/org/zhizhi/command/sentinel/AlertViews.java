package org.zhizhi.command.sentinel;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.AlertView;

/** The shapes the sentinel's reads answer with, and the one mapping from the aggregate to its view. */
public final class AlertViews {

	/** A page of a scope's alerts, with the counts per state for the tabs. */
	public record AlertPage(List<AlertView> alerts, java.util.Map<AlertState, Long> counts, int page, boolean more) {
	}

	/** One alert with its history, what the adviser proposes, and whom the reader may give it to. */
	public record AlertDetail(AlertView alert, List<AlertStep> steps, Advice advice, List<Person> assignable) {
	}

	/** A person the desk may give an alert to. */
	public record Person(UUID id, String name) {
	}

	private AlertViews() {
	}

	public static AlertView of(Alert a, Set<AlertAction> allowed) {
		Alert.Raised r = a.raised();
		Fact f = r.fact();
		return new AlertView(a.id(), r.ruleId(), r.kind(), f.subjectKind(), f.subjectId(), f.subjectName(),
				f.scopePath(), f.gridId(), f.estateId(), f.measure(), r.threshold(), r.windowDays(), f.evidenceKind(),
				f.evidenceIds(), f.categoryCode(), r.at(), r.dueAt(), r.ownerRole().name(), a.ownerId(), a.ownerName(),
				a.state(), a.acknowledgedAt(), a.handledAt(), a.handledNote(), a.closedAt(), a.outcome(), allowed);
	}
}
