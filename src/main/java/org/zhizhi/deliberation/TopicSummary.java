package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.deliberation.TopicState.Stage;

/** A topic in a list: where, what, how far it has come. */
public record TopicSummary(UUID id, PlaceKind placeKind, String placeName, String title, TopicState state,
		Stage stage, Instant raisedAt, VoteRule voteRule) {

	static TopicSummary of(Topic topic) {
		return new TopicSummary(topic.id(), topic.place().kind(), topic.place().name(), topic.title(), topic.state(),
				topic.state().stage(), topic.raisedAt(), topic.voteRule());
	}
}
