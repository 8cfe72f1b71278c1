package org.zhizhi.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row to deliver, with the message it carries. {@code attempts} counts this attempt too, so it is 1 on the
 * first delivery; {@code id} identifies the row across retries.
 */
public record OutboxMessage(UUID id, UUID messageId, String channel, int attempts, UUID recipientId, String kind,
		String title, String body, String link, Instant createdAt) {
}
