package org.zhizhi.wish;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What of the micro-wishes waits for a person: the community vets what was posted and takes back what nobody took;
 * a member or a unit delivers what was dispatched to him and finishes what he took, and may take from the wall; the
 * poster confirms what was fulfilled for him. Each from {@link WishQueries}, with its scope and its masking.
 */
@Service
@Transactional(readOnly = true)
class WishWaitingWork implements WaitingWork {

	private final WishQueries queries;

	private final ZoneId zone;

	WishWaitingWork(WishQueries queries, ZoneId zone) {
		this.queries = queries;
		this.zone = zone;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (WishRoles.mayVet(actor) && WishRoles.usesDesk(actor)) {
			add(found, "workbench.wish.toVet", "/wishes?tab=POSTED", "workbench.action.vet", "/wishes/",
					queries.desk(actor, Set.of(WishState.POSTED), 0), w -> true, limit, now);
			add(found, "workbench.wish.raised", "/wishes?tab=RAISED", "workbench.action.dispatch", "/wishes/",
					queries.desk(actor, Set.of(WishState.RAISED), 0), w -> true, limit, now);
		}
		if (WishRoles.mayTake(actor)) {
			add(found, "workbench.wish.dispatchedToMe", "/m/wishes", "workbench.action.take", "/m/wishes/",
					queries.dispatchedToMe(actor), w -> true, limit, now);
			add(found, "workbench.wish.takenByMe", "/m/wishes/taken", "workbench.action.fulfil", "/m/wishes/",
					queries.takenByMe(actor), w -> w.state() == WishState.TAKEN, limit, now);
			add(found, "workbench.wish.wall", "/m/wishes", "workbench.action.take", "/m/wishes/",
					queries.wall(actor), w -> true, limit, now);
		}
		if (WishRoles.mayPost(actor)) {
			// the wish's date was the takers'; confirming has none
			add(found, "workbench.wish.toConfirm", "/m/my-wishes", "workbench.action.confirm", "/m/my-wishes/",
					queries.mine(actor), w -> w.state() == WishState.FULFILLED, limit, null);
		}
		return found;
	}

	/** {@code now} null: the wish's own date is no deadline of this wait. */
	private void add(List<Waiting> found, String kind, String listHref, String actionKey, String itemHref,
			List<WishView> wishes, Predicate<WishView> waits, int limit, Instant now) {
		List<WishView> waiting = wishes.stream().filter(waits).toList();
		if (waiting.isEmpty()) {
			return;
		}
		List<Item> items = waiting.stream()
			.limit(limit)
			.map(w -> {
				Instant due = w.dueOn() == null || now == null ? null
						: w.dueOn().plusDays(1).atStartOfDay(zone).toInstant();
				return new Item(w.title(), w.communityName(), w.updatedAt() != null ? w.updatedAt() : w.postedAt(), due,
						due != null && due.isBefore(now), itemHref + w.id(), actionKey);
			})
			.toList();
		found.add(new Waiting(kind, waiting.size(), listHref, items));
	}
}
