package org.zhizhi.servicepoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.servicepoint.ErrandViews.ErrandView;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * The errands that wait (便民代办): the desk gives the asked ones to a runner; a runner does what he was given; the
 * elder (or whoever asked) confirms what was done.
 */
@Service
@Transactional(readOnly = true)
class ErrandWaitingWork implements WaitingWork {

	private final Errands errands;

	ErrandWaitingWork(Errands errands) {
		this.errands = errands;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		Map<String, String> kinds = new HashMap<>();
		errands.kinds().forEach(k -> kinds.put(k.code(), k.nameZh()));
		if (actor.hasAny(ErrandLifecycle.ASSIGNERS)) {
			ErrandViews.Queue asked = errands.queue(actor, ErrandState.REQUESTED, 0);
			long total = asked.counts().getOrDefault(ErrandState.REQUESTED, 0L);
			if (total > 0) {
				found.add(new Waiting("workbench.errand.toAssign", total, "/servicepoints/errands?state=REQUESTED",
						asked.errands().stream().limit(limit).map(e -> item(kinds, e, e.requestedAt(),
								"workbench.action.assign")).toList()));
			}
		}
		List<ErrandView> mine = errands.mine(actor);
		add(found, kinds, "workbench.errand.toRun", "workbench.action.handle", mine,
				e -> e.state() == ErrandState.ASSIGNED && actor.userId().equals(e.runnerId()), limit, true);
		add(found, kinds, "workbench.errand.toConfirm", "workbench.action.confirm", mine,
				e -> e.state() == ErrandState.DONE && e.allowedActions().contains(ErrandAction.CONFIRM), limit, false);
		return found;
	}

	private void add(List<Waiting> found, Map<String, String> kinds, String kind, String action,
			List<ErrandView> mine, Predicate<ErrandView> waits, int limit, boolean sinceAssigned) {
		List<ErrandView> waiting = mine.stream().filter(waits).toList();
		if (!waiting.isEmpty()) {
			found.add(new Waiting(kind, waiting.size(), "/m/errands", waiting.stream()
				.limit(limit)
				.map(e -> item(kinds, e, sinceAssigned ? e.assignedAt() : e.doneAt(), action))
				.toList()));
		}
	}

	/** The kind by its Chinese name (the kinds are data), the details after it. */
	private static Item item(Map<String, String> kinds, ErrandView e, Instant since, String action) {
		String details = e.details() == null || e.details().isBlank() ? "" : "：" + e.details();
		return new Item(kinds.getOrDefault(e.kind(), e.kind()) + details, e.dwellingLabel(), since, null, false,
				"/m/errands/" + e.id(), action);
	}
}
