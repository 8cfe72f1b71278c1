package org.zhizhi.deliberation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.deliberation.persistence.JdbcTopics;

/** Writes the topic's timeline from its events, inside the step's transaction: the step and its entry or neither. */
@Component
class TopicTimeline {

	private final JdbcTopics topics;

	TopicTimeline(JdbcTopics topics) {
		this.topics = topics;
	}

	@EventListener
	void on(TopicEvent event) {
		topics.timeline(event);
	}
}
