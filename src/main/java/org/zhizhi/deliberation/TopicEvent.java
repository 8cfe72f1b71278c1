package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a topic, registered by {@link Topic} and published by its repository after the step is stored,
 * inside the step's transaction: the topic's timeline is written from them. Each says which step, the state after it,
 * who (null: the platform) and when, and a note of its own in plain words for the timeline.
 */
public sealed interface TopicEvent {

	UUID topicId();

	UUID districtId();

	TopicAction action();

	TopicState state();

	UUID by();

	String byName();

	Instant at();

	/** What the timeline says beside the step: the comment's first words, the rule, the result, the task. */
	String note();

	record TopicRaised(UUID topicId, UUID districtId, TopicState state, UUID by, String byName, Instant at,
			String note) implements TopicEvent {
		public TopicAction action() {
			return TopicAction.RAISE;
		}
	}

	/** Any step that changes nothing but is told: a co-sign, a comment, a vote, a rating, a task done. */
	record TopicStepTaken(UUID topicId, UUID districtId, TopicAction action, TopicState state, UUID by, String byName,
			Instant at, String note) implements TopicEvent {
	}

	/** A step that moved the topic or changed what it is: admitted, a round, a vote opened or closed, a decision. */
	record TopicMoved(UUID topicId, UUID districtId, TopicAction action, TopicState state, UUID by, String byName,
			Instant at, String note) implements TopicEvent {
	}
}
