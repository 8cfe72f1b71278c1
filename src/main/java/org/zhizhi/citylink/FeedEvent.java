package org.zhizhi.citylink;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something the feed tells subscribers: its kind ({@link FeedKinds}), the district node it happened under, what it
 * is about and when, and the fields of its kind ({@code data}, plain JSON values). The id is stable for the thing
 * that happened — the same step heard twice makes the same id — so the feed writes it once and subscribers can drop
 * a redelivery by its {@code X-Zhizhi-Event-Id}.
 */
public record FeedEvent(UUID id, String kind, UUID districtId, String scopePath, UUID subjectId, Instant occurredAt,
		Map<String, Object> data) {

	public FeedEvent {
		if (!FeedKinds.wellFormed(kind)) {
			throw new IllegalArgumentException("a feed kind is family.name in lower case: " + kind);
		}
		data = Map.copyOf(data);
	}

	/** The stable id of a thing that happened, from the words that name it once (name-based, RFC 4122 version 3). */
	public static UUID idOf(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
	}
}
