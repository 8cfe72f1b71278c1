package org.zhizhi.wish;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.Ids;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * Writes each step into the wish's insert-only timeline as its event is published, inside the step's transaction:
 * the timeline is what happened, in the words of the events, and no step writes it a second time.
 */
@Component
class WishTimeline {

	/** The actor's name of a step no person took. */
	static final String SYSTEM = "system";

	private final JdbcWishes wishes;

	private final Clock clock;

	WishTimeline(JdbcWishes wishes, Clock clock) {
		this.wishes = wishes;
		this.clock = clock;
	}

	@EventListener
	void on(WishEvent event) {
		WishStep step = step(event);
		if (step != null) {
			wishes.append(event.districtId(), step);
		}
	}

	/** The entry an event writes; null for {@link WishFulfilled}, the news for other modules of what is written. */
	private WishStep step(WishEvent event) {
		return switch (event) {
			case WishPosted e -> step(e, e.at(), e.by(), e.byName(), WishAction.POST, null, WishState.POSTED, null);
			case WishEdited e -> step(e, e.at(), e.by(), e.byName(), WishAction.EDIT, e.state(), e.state(),
					String.join(",", e.changed()));
			case WishApproved e -> step(e, e.at(), e.by(), e.byName(), WishAction.APPROVE, WishState.POSTED,
					WishState.APPROVED, null);
			case WishRefused e -> step(e, e.at(), e.by(), e.byName(), WishAction.REFUSE, WishState.POSTED,
					WishState.REFUSED, e.reason());
			case WishPublished e -> step(e, e.at(), e.by(), e.byName(), WishAction.PUBLISH, e.from(),
					WishState.PUBLISHED, null);
			case WishDispatched e -> step(e, e.at(), e.by(), e.byName(), WishAction.DISPATCH, e.from(),
					WishState.DISPATCHED, e.kind() + ":" + e.name());
			case WishTaken e -> step(e, e.at(), e.by(), e.byName(), WishAction.TAKE, e.from(), WishState.TAKEN,
					e.taker().name());
			case WishFulfilmentReported e -> step(e, e.at(), e.by(), e.byName(), WishAction.FULFIL, WishState.TAKEN,
					WishState.FULFILLED, e.note());
			case WishFulfilled e -> null;
			case WishConfirmed e -> step(e, e.at(), e.by(), e.byName(), WishAction.CONFIRM, WishState.FULFILLED,
					WishState.CONFIRMED, e.thanks());
			case WishRaised e -> step(e, e.at(), null, SYSTEM, WishAction.RAISE, e.from(), WishState.RAISED,
					e.dueOn().toString());
			case WishShortOfTakers e -> step(e, e.at(), null, SYSTEM, WishAction.OVERDUE, WishState.TAKEN,
					WishState.TAKEN, e.dueOn() + " " + e.takerCount() + "/" + e.maxTakers());
		};
	}

	private WishStep step(WishEvent event, java.time.Instant at, java.util.UUID actor, String actorName,
			WishAction action, WishState from, WishState to, String note) {
		return new WishStep(Ids.newId(clock), event.wishId(), at, actor, actorName, action, from, to, note);
	}
}
