package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.WaitingWork;

/**
 * What of 居民议事 waits for a resident: the topics of his home put to the vote that his household has not voted on,
 * and the carried-out ones his household has not judged yet — each as the topic's own policy says he may.
 */
@Service
@Transactional(readOnly = true)
class TopicWaitingWork implements WaitingWork {

	private final DeliberationQueries queries;

	TopicWaitingWork(DeliberationQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (!actor.has(Role.RESIDENT) || !queries.hasHome(actor)) {
			return found;
		}
		List<TopicSummary> open = queries.topics(actor, List.of(TopicState.VOTING, TopicState.EVALUATING));
		add(found, open, actor, TopicState.VOTING, TopicAction.VOTE, "workbench.topic.toVote", "workbench.action.vote",
				limit);
		add(found, open, actor, TopicState.EVALUATING, TopicAction.RATE, "workbench.topic.toRate",
				"workbench.action.rate", limit);
		return found;
	}

	private void add(List<Waiting> found, List<TopicSummary> open, Actor actor, TopicState state, TopicAction action,
			String kind, String actionKey, int limit) {
		List<TopicSummary> waiting = open.stream()
			.filter(t -> t.state() == state)
			.filter(t -> queries.topic(actor, t.id()).allowedActions().contains(action))
			.toList();
		if (!waiting.isEmpty()) {
			found.add(new Waiting(kind, waiting.size(), "/m/topics", waiting.stream()
				.limit(limit)
				.map(t -> new Item(t.title(), t.placeName(), t.raisedAt(), null, false, "/m/topics/" + t.id(),
						actionKey))
				.toList()));
		}
	}
}
