package org.zhizhi.citylink.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.citylink.CitylinkViews.OrderView;
import org.zhizhi.citylink.CitylinkViews.PlatformLinkView;
import org.zhizhi.citylink.OrderSource;
import org.zhizhi.shared.DataScope;

/** The SQL of the inbound side: the city platforms' keys and the orders they handed over. */
@Repository
public class JdbcCityOrders {

	private final JdbcClient jdbc;

	JdbcCityOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- keys ---------------------------------------------------------------------------------------------------

	public void insertLink(UUID id, UUID districtId, String scopePath, OrderSource source, String name, String keyHash,
			UUID createdBy, Instant at) {
		jdbc.sql("""
				INSERT INTO citylink.platform_link (id, district_id, scope_path, source, name, key_hash, created_by,
				                                    created_at)
				VALUES (:id, :district, :scope, :source, :name, :hash, :by, :at)""")
			.param("id", id)
			.param("district", districtId)
			.param("scope", scopePath)
			.param("source", source.name())
			.param("name", name)
			.param("hash", keyHash)
			.param("by", createdBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A live key's link: its id, name, source and the scope it reports into. */
	public record LiveLink(UUID id, String name, OrderSource source, UUID districtId, String scopePath) {
	}

	public Optional<LiveLink> liveByHash(String keyHash) {
		return jdbc.sql("""
				SELECT id, name, source, district_id, scope_path FROM citylink.platform_link
				 WHERE key_hash = :hash AND revoked_at IS NULL""")
			.param("hash", keyHash)
			.query((rs, n) -> new LiveLink(rs.getObject(1, UUID.class), rs.getString(2),
					OrderSource.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5)))
			.optional();
	}

	public List<PlatformLinkView> links(DataScope scope) {
		return jdbc.sql("""
				SELECT id, name, source, created_at, revoked_at FROM citylink.platform_link
				 WHERE scope_path LIKE :scope ORDER BY created_at DESC, id""")
			.param("scope", scope.likePattern())
			.query((rs, n) -> new PlatformLinkView(rs.getObject(1, UUID.class), rs.getString(2),
					OrderSource.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Revokes a live key of the scope; false if there is none (unknown, another scope's, or revoked already). */
	public boolean revokeLink(DataScope scope, UUID id, Instant at) {
		return jdbc.sql("""
				UPDATE citylink.platform_link SET revoked_at = :at
				 WHERE id = :id AND scope_path LIKE :scope AND revoked_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("scope", scope.likePattern())
			.update() == 1;
	}

	public boolean linkExists(DataScope scope, UUID id) {
		return jdbc.sql("SELECT count(*) FROM citylink.platform_link WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(Long.class)
			.single() == 1;
	}

	// --- orders -------------------------------------------------------------------------------------------------

	/** An order's row as the first delivery writes it; the contact is sealed already. */
	public record NewOrder(UUID districtId, OrderSource source, String externalId, String scopePath, UUID linkId,
			String address, byte[] contactName, byte[] contactPhone, Instant deadline) {
	}

	/**
	 * Takes the order's key. A second delivery of the same order while the first is still being written waits here
	 * for the first's commit (the primary key) and then finds the row taken: false. Only the taker makes an incident.
	 */
	public boolean take(NewOrder order, Instant now) {
		return jdbc.sql("""
				INSERT INTO citylink.city_order (district_id, source, external_id, scope_path, link_id, address,
				                                 contact_name, contact_phone, deadline, received_at, last_received_at)
				VALUES (:district, :source, :external, :scope, :link, :address, :name, :phone, :deadline, :now, :now)
				ON CONFLICT (district_id, source, external_id) DO NOTHING""")
			.param("district", order.districtId())
			.param("source", order.source().name())
			.param("external", order.externalId())
			.param("scope", order.scopePath())
			.param("link", order.linkId())
			.param("address", order.address(), Types.VARCHAR)
			.param("name", order.contactName(), Types.BINARY)
			.param("phone", order.contactPhone(), Types.BINARY)
			.param("deadline", order.deadline() == null ? null : Timestamp.from(order.deadline()))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public void madeIncident(UUID districtId, OrderSource source, String externalId, UUID incidentId) {
		jdbc.sql("""
				UPDATE citylink.city_order SET incident_id = :incident
				 WHERE district_id = :district AND source = :source AND external_id = :external""")
			.param("incident", incidentId)
			.param("district", districtId)
			.param("source", source.name())
			.param("external", externalId)
			.update();
	}

	/** Counts a redelivery and answers the incident the order made (present: the first delivery has committed). */
	public Optional<OrderView> redelivered(UUID districtId, OrderSource source, String externalId, Instant now) {
		return jdbc.sql("""
				UPDATE citylink.city_order SET redeliveries = redeliveries + 1, last_received_at = :now
				 WHERE district_id = :district AND source = :source AND external_id = :external
				RETURNING *""")
			.param("now", Timestamp.from(now))
			.param("district", districtId)
			.param("source", source.name())
			.param("external", externalId)
			.query(JdbcCityOrders::order)
			.optional();
	}

	/** The order an incident came from, if it came from one (for the feed: the external id in the payload). */
	public Optional<OrderView> ofIncident(UUID incidentId) {
		return jdbc.sql("SELECT * FROM citylink.city_order WHERE incident_id = :id")
			.param("id", incidentId)
			.query(JdbcCityOrders::order)
			.optional();
	}

	public List<OrderView> orders(DataScope scope, int limit) {
		return jdbc.sql("""
				SELECT * FROM citylink.city_order WHERE scope_path LIKE :scope
				 ORDER BY received_at DESC, external_id LIMIT :limit""")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcCityOrders::order)
			.list();
	}

	/** The sealed contacts of every order, for the key rotation. */
	public record SealedContact(UUID districtId, String source, String externalId, byte[] name, byte[] phone) {
	}

	public long countContacts(byte[] prefix) {
		return jdbc.sql("""
				SELECT count(*) FROM citylink.city_order
				 WHERE (contact_name IS NULL OR substring(contact_name FROM 1 FOR 5) = :p)
				   AND (contact_phone IS NULL OR substring(contact_phone FROM 1 FOR 5) = :p)
				   AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL)""")
			.param("p", prefix)
			.query(Long.class)
			.single();
	}

	public long countAllContacts() {
		return jdbc.sql("""
				SELECT count(*) FROM citylink.city_order WHERE contact_name IS NOT NULL OR contact_phone IS NOT NULL""")
			.query(Long.class)
			.single();
	}

	public List<SealedContact> contactsNotUnder(byte[] prefix, int limit) {
		return jdbc.sql("""
				SELECT district_id, source, external_id, contact_name, contact_phone FROM citylink.city_order
				 WHERE substring(contact_name FROM 1 FOR 5) <> :p OR substring(contact_phone FROM 1 FOR 5) <> :p
				 ORDER BY district_id, source, external_id LIMIT :n FOR UPDATE SKIP LOCKED""")
			.param("p", prefix)
			.param("n", limit)
			.query((rs, n) -> new SealedContact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getBytes(4), rs.getBytes(5)))
			.list();
	}

	public void resealContact(SealedContact contact) {
		jdbc.sql("""
				UPDATE citylink.city_order SET contact_name = :name, contact_phone = :phone
				 WHERE district_id = :district AND source = :source AND external_id = :external""")
			.param("name", contact.name(), Types.BINARY)
			.param("phone", contact.phone(), Types.BINARY)
			.param("district", contact.districtId())
			.param("source", contact.source())
			.param("external", contact.externalId())
			.update();
	}

	private static OrderView order(ResultSet rs, int row) throws SQLException {
		Timestamp deadline = rs.getTimestamp("deadline");
		return new OrderView(OrderSource.valueOf(rs.getString("source")), rs.getString("external_id"),
				rs.getObject("incident_id", UUID.class), rs.getString("address"),
				deadline == null ? null : deadline.toInstant(), rs.getTimestamp("received_at").toInstant(),
				rs.getInt("redeliveries"), rs.getTimestamp("last_received_at").toInstant());
	}
}
