package org.zhizhi.citylink;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the pages and the API show of the links: never a secret or a key, which are shown once when made. */
public final class CitylinkViews {

	private CitylinkViews() {
	}

	/** A subscriber with its delivery counts (pending, delivered, failed). */
	public record SubscriberView(UUID id, String name, String url, List<String> kinds, OrderSource source,
			SubscriberState state, Instant createdAt, Instant secretRotatedAt, int version, long pending,
			long delivered, long failed) {
	}

	/** A subscriber just made, or its secret just replaced: the secret, shown this once. */
	public record WithSecret(SubscriberView subscriber, String secret) {
	}

	/** One line of a delivery log. */
	public record DeliveryView(UUID id, UUID eventId, String kind, UUID subjectId, String externalId, UUID subscriberId,
			String subscriberName, DeliveryState state, int attempts, Instant nextAttemptAt, Instant deliveredAt,
			Integer lastStatus, String lastError, Instant createdAt, Instant occurredAt, int version) {
	}

	/** One attempt of a delivery: what the subscriber answered (no status: no answer) and how long it took. */
	public record AttemptView(int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error,
			String outcome) {
	}

	/** A delivery with its attempts, oldest first, and the body every attempt sent. */
	public record DeliveryDetail(DeliveryView delivery, List<AttemptView> attempts, String payload) {
	}

	/** A key of a city platform (its hash stays in the database). */
	public record PlatformLinkView(UUID id, String name, OrderSource source, Instant createdAt, Instant revokedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}
	}

	/** A key just made: the key, shown this once. */
	public record WithKey(PlatformLinkView link, String key) {
	}

	/** An order received from a city platform and the incident it made. */
	public record OrderView(OrderSource source, String externalId, UUID incidentId, String address, Instant deadline,
			Instant receivedAt, int redeliveries, Instant lastReceivedAt) {
	}
}
