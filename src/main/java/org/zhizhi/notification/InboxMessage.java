package org.zhizhi.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in one person's inbox; unread while {@code readAt} is null; {@code doneAt} once what it asked for has been
 * done (by him or by someone else), which also reads it.
 */
public record InboxMessage(UUID id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt, Instant doneAt) {

	public boolean done() {
		return doneAt != null;
	}


	public boolean unread() {
		return readAt == null;
	}
}
