package org.zhizhi.citylink;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhizhi.citylink.persistence.JdbcCityOrders;
import org.zhizhi.citylink.persistence.JdbcSubscribers;
import org.zhizhi.shared.crypto.DataSealing;
import org.zhizhi.shared.crypto.SealedValues;

/**
 * Seals what the links keep that must not be read from a stolen database: the subscribers' signing secrets (whoever
 * holds one can forge the platform's deliveries) and the callers' names and phones of the orders (personal data, as
 * the residents' are). Each sealed value is bound to its row (the context), so a value copied to another row opens
 * for nobody. Subscribers' secrets are what the key rotation (密钥轮换) moves here; the orders' contacts are moved by
 * {@link OrderContacts}.
 */
@Component
@Order(20)
class CitylinkSeal implements SealedValues {

	private final DataSealing sealing;

	private final JdbcSubscribers subscribers;

	CitylinkSeal(DataSealing sealing, JdbcSubscribers subscribers) {
		this.sealing = sealing;
		this.subscribers = subscribers;
	}

	private static String secretContext(UUID subscriberId) {
		return "citylink.subscriber.secret:" + subscriberId;
	}

	static String contactContext(UUID districtId, String source, String externalId, String field) {
		return "citylink.city_order." + field + ":" + districtId + ":" + source + ":" + externalId;
	}

	byte[] sealSecret(UUID subscriberId, String secret) {
		return sealing.seal(secret.getBytes(StandardCharsets.UTF_8), secretContext(subscriberId));
	}

	String openSecret(UUID subscriberId, byte[] sealed) {
		return new String(sealing.open(sealed, secretContext(subscriberId)), StandardCharsets.UTF_8);
	}

	byte[] sealContact(UUID districtId, OrderSource source, String externalId, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return sealing.seal(value.strip().getBytes(StandardCharsets.UTF_8),
				contactContext(districtId, source.name(), externalId, field));
	}

	@Override
	public String label() {
		return "keys.place.citylinkSecrets";
	}

	@Override
	public Count count(DataSealing ring) {
		return new Count(subscribers.count(), subscribers.countUnder(ring.primaryPrefix()));
	}

	@Override
	public int moveBatch(DataSealing ring, int limit) {
		var rows = subscribers.notUnder(ring.primaryPrefix(), limit);
		for (var row : rows) {
			subscribers.reseal(row.id(), ring.seal(ring.open(row.secret(), secretContext(row.id())),
					secretContext(row.id())));
		}
		return rows.size();
	}

	/** The orders' sealed contacts, moved to the primary key like every other sealed value. */
	@Component
	@Order(21)
	static class OrderContacts implements SealedValues {

		private final JdbcCityOrders orders;

		OrderContacts(JdbcCityOrders orders) {
			this.orders = orders;
		}

		@Override
		public String label() {
			return "keys.place.citylinkContacts";
		}

		@Override
		public Count count(DataSealing ring) {
			return new Count(orders.countAllContacts(), orders.countContacts(ring.primaryPrefix()));
		}

		@Override
		public int moveBatch(DataSealing ring, int limit) {
			var rows = orders.contactsNotUnder(ring.primaryPrefix(), limit);
			for (var row : rows) {
				orders.resealContact(new JdbcCityOrders.SealedContact(row.districtId(), row.source(), row.externalId(),
						reseal(ring, row.name(), contactContext(row.districtId(), row.source(), row.externalId(), "name")),
						reseal(ring, row.phone(),
								contactContext(row.districtId(), row.source(), row.externalId(), "phone"))));
			}
			return rows.size();
		}

		private static byte[] reseal(DataSealing ring, byte[] sealed, String context) {
			return sealed == null ? null : ring.seal(ring.open(sealed, context), context);
		}
	}
}
