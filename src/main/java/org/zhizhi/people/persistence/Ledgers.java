package org.zhizhi.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.PeopleViews.LedgerEntry;
import org.zhizhi.shared.DataScope;

/** The SQL of the new-employment ledger: the roles residents take and the ledger's page; reads bind the scope. */
@Repository
public class Ledgers {

	private final JdbcClient jdbc;

	Ledgers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertLedgerRole(UUID id, UUID residentId, LedgerRole role, LocalDate startedOn, String note,
			String scopePath, UUID districtId, Instant now, UUID by, String byName) {
		jdbc.sql("""
				INSERT INTO people.ledger_role (id, resident_id, role, started_on, note, scope_path, district_id,
				       recorded_at, recorded_by, recorded_by_name)
				VALUES (:id, :residentId, :role, :startedOn, :note, :scopePath, :districtId, :now, :by, :byName)
				""")
			.param("id", id)
			.param("residentId", residentId)
			.param("role", role.name())
			.param("startedOn", startedOn)
			.param("note", note)
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("byName", byName)
			.update();
	}

	public List<LedgerEntry> ledger(DataScope scope, String kind, String role, int limit, int offset) {
		return jdbc.sql("""
				SELECT r.id, r.name, r.phone_masked, r.new_employment_kind, h.dwelling_label,
				       coalesce((SELECT array_agg(DISTINCT l.role ORDER BY l.role) FROM people.ledger_role l
				                  WHERE l.resident_id = r.id), '{}') AS roles
				  FROM people.resident r
				  JOIN people.household h ON h.id = r.household_id AND h.district_id = r.district_id
				 WHERE r.scope_path LIKE :scope AND r.active AND 'NEW_EMPLOYMENT' = ANY (r.tags)
				   AND (CAST(:kind AS text) IS NULL OR r.new_employment_kind = CAST(:kind AS text))
				   AND (CAST(:role AS text) IS NULL OR EXISTS (SELECT 1 FROM people.ledger_role l
				        WHERE l.resident_id = r.id AND l.role = CAST(:role AS text)))
				 ORDER BY r.name, r.id LIMIT :limit OFFSET :offset
				""")
			.param("scope", scope.likePattern())
			.param("kind", kind)
			.param("role", role)
			.param("limit", limit)
			.param("offset", offset)
			.query(PeopleRows.LEDGER_ENTRY)
			.list();
	}
}
