package org.zhizhi.notification;

import java.time.Instant;
import java.util.UUID;

/** A message in one person's inbox; unread while {@code readAt} is null. */
public record InboxMessage(UUID id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
