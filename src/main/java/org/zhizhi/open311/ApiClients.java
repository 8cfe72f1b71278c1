package org.zhizhi.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Sha256;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/** The Open311 api_keys: stored only as SHA-256 hashes, each bound to a client name and a jurisdiction org unit. */
@Service
public class ApiClients {

	private final JdbcClient jdbc;

	private final OrgUnitQueries orgUnits;

	private final Clock clock;

	ApiClients(JdbcClient jdbc, OrgUnitQueries orgUnits, Clock clock) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
		this.clock = clock;
	}

	/** The client of a key that is known and not revoked. */
	@Transactional(readOnly = true)
	public Optional<Open311Client> byKey(String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id, name, jurisdiction_id from open311.api_client
				 where key_hash = :hash and revoked_at is null""")
			.param("hash", Sha256.hex(apiKey))
			.query((rs, n) -> new Open311Client(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class)))
			.optional();
	}

	/** Registers a client under a key (given once, kept only hashed); the same key again answers the existing client. */
	@Transactional
	public Open311Client register(String name, UUID jurisdictionId, String apiKey) {
		return byKey(apiKey).orElseGet(() -> {
			UUID id = Ids.newId(clock);
			jdbc.sql("""
					insert into open311.api_client (id, name, key_hash, jurisdiction_id, created_at)
					values (:id, :name, :hash, :jurisdiction, :now)""")
				.param("id", id)
				.param("name", name)
				.param("hash", Sha256.hex(apiKey))
				.param("jurisdiction", jurisdictionId)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			return new Open311Client(id, name, jurisdictionId);
		});
	}

	/**
	 * The acting user an Open311 client reports as. A client is not an account: it reports on behalf of residents
	 * using it, so it acts as a RESIDENT (the role that may report but takes no other step of the loop), under its
	 * own stable id (the reporter id its incidents carry, which also namespaces its Idempotency-Keys), and scoped to
	 * its jurisdiction so that it can only report into the grids of that org unit.
	 */
	Actor actorFor(Open311Client client) {
		OrgUnit jurisdiction = orgUnits.bindingOf(client.jurisdictionId())
			.orElseThrow(() -> new IllegalStateException("jurisdiction of Open311 client missing: " + client.name()));
		return new Actor(client.id(), "open311:" + client.id(), "Open311 " + client.name(), Set.of(Role.RESIDENT),
				jurisdiction.scope());
	}
}
