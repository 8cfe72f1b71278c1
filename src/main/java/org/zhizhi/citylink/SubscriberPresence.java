package org.zhizhi.citylink;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.invalidation.Invalidations;

/**
 * Whether the platform has any subscriber at all, known in memory: the feed's listener asks it before the event
 * publication registry writes a publication, so that an installation without subscribers pays nothing per incident
 * step — issue 16 took exactly that cost (a publication per report written, handed to a thread, marked and deleted)
 * out of the intake. Subscribers are never deleted, so the answer only ever turns from no to yes: a new subscriber
 * announces itself on commit ({@link Invalidations}) and every node reads again. It is read at start-up and on an
 * announcement — the platform's own work, whose connections carry no person's scope — never on a request's thread,
 * whose row-level security would hide another scope's subscribers. Until it is read, and on a node that cannot hear
 * announcements, the answer is yes, and the listener then simply finds no subscriber.
 */
@Component
public class SubscriberPresence {

	static final String TOPIC = "citylink.subscribers";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	private volatile Boolean any;

	SubscriberPresence(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
		invalidations.onAnnounced(TOPIC, key -> read());
	}

	@EventListener(ApplicationReadyEvent.class)
	void read() {
		any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM citylink.subscriber)").query(Boolean.class).single();
	}

	/** Whether any subscriber may exist (the listener's condition: public for the expression that calls it). */
	public boolean any() {
		Boolean known = any;
		return known == null || known || !invalidations.listening();
	}

	/**
	 * Called in the transaction that adds a subscriber: this node says yes at once (a yes too early only costs
	 * publications that find nobody, should the transaction roll back), every node reads again once it has committed.
	 */
	void added() {
		any = Boolean.TRUE;
		invalidations.announce(TOPIC);
	}
}
