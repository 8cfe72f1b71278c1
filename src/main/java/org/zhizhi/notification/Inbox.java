package org.zhizhi.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.notification.persistence.JdbcNotifications;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Paging;

/**
 * A person's own inbox. Every call is for the signed-in actor and reaches his messages only: another person's message
 * is not found, exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

	public static final int PAGE_SIZE = 20;

	private final JdbcNotifications store;

	private final Clock clock;

	Inbox(JdbcNotifications store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** One page, newest first, plus one more message so that the caller knows whether a next page exists. */
	public List<InboxMessage> page(Actor actor, boolean unreadOnly, int page) {
		return store.inbox(actor.userId(), unreadOnly, PAGE_SIZE + 1, Paging.offset(page, PAGE_SIZE));
	}

	public InboxMessage get(Actor actor, UUID id) {
		return store.find(actor.userId(), id).orElseThrow(() -> DomainException.notFound("message"));
	}

	public long unreadCount(Actor actor) {
		return store.unreadCount(actor.userId());
	}

	@Transactional
	public InboxMessage markRead(Actor actor, UUID id) {
		if (!store.markRead(actor.userId(), id, clock.instant())) {
			throw DomainException.notFound("message");
		}
		return get(actor, id);
	}

	/** @return how many messages were unread until now */
	@Transactional
	public int markAllRead(Actor actor) {
		return store.markAllRead(actor.userId(), clock.instant());
	}
}
