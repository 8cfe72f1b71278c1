package org.zhizhi.people.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.PeopleViews.ResidentVersionEntry;
import org.zhizhi.shared.DataScope;

/**
 * The SQL of residents: the current state with its versioned update, the insert-only versions behind it, and the
 * searches; every read binds the scope prefix.
 */
@Repository
public class Residents {

	private static final String RESIDENT = """
			SELECT r.id, r.household_id, r.name, r.gender, r.birth_date, r.phone_masked, r.id_card_masked, r.relation,
			       r.tags, r.new_employment_kind, h.dwelling_label, r.grid_id, r.building_id, r.active, r.version
			  FROM people.resident r
			  JOIN people.household h ON h.id = r.household_id AND h.district_id = r.district_id
			""";

	private final JdbcClient jdbc;

	private final RowMapper<ResidentSummary> summary;

	Residents(JdbcClient jdbc, Clock clock, ZoneId zone) {
		this.jdbc = jdbc;
		this.summary = PeopleRows.summary(clock, zone);
	}

	public boolean idCardTaken(UUID districtId, byte[] hash) {
		return jdbc.sql("SELECT count(*) FROM people.resident WHERE district_id = :d AND id_card_hash = :h")
			.param("d", districtId)
			.param("h", hash)
			.query(Long.class)
			.single() > 0;
	}

	public void insertResident(ResidentState r, Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO people.resident (id, household_id, name, gender, birth_date, id_card_cipher, id_card_hash,
				       id_card_masked, phone_cipher, phone_hash, phone_masked, relation, tags, new_employment_kind,
				       active, building_id, grid_id, scope_path, district_id, version, updated_at, updated_by)
				VALUES (:id, :householdId, :name, :gender, :birthDate, :idCardCipher, :idCardHash, :idCardMasked,
				        :phoneCipher, :phoneHash, :phoneMasked, :relation, string_to_array(:tags, ','),
				        :kind, :active, :buildingId, :gridId, :scopePath, :districtId, :version, :now, :by)
				""")
			.params(stateParams(r))
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/**
	 * Replaces the current state if it is still at {@code expectedVersion}; the caller records the new version. Another
	 * district moves the row to that district's partition (people/V8) under the same id.
	 */
	public boolean updateResident(ResidentState r, int expectedVersion, Instant now, UUID by) {
		return jdbc.sql("""
				UPDATE people.resident
				   SET household_id = :householdId, name = :name, gender = :gender, phone_cipher = :phoneCipher,
				       phone_hash = :phoneHash, phone_masked = :phoneMasked, relation = :relation,
				       tags = string_to_array(:tags, ','), new_employment_kind = :kind, active = :active,
				       building_id = :buildingId, grid_id = :gridId, scope_path = :scopePath,
				       district_id = :districtId, version = :version, updated_at = :now, updated_by = :by
				 WHERE id = :id AND version = :expected
				""")
			.params(stateParams(r))
			.param("expected", expectedVersion)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	public void insertVersion(ResidentState r, String reason, Instant now, UUID by, String byName) {
		jdbc.sql("""
				INSERT INTO people.resident_version (resident_id, version, reason, household_id, name, gender,
				       birth_date, id_card_cipher, id_card_hash, phone_cipher, phone_hash, relation, tags,
				       new_employment_kind, active, scope_path, district_id, recorded_at, recorded_by, recorded_by_name)
				VALUES (:id, :version, :reason, :householdId, :name, :gender, :birthDate, :idCardCipher, :idCardHash,
				        :phoneCipher, :phoneHash, :relation, string_to_array(:tags, ','), :kind, :active,
				        :scopePath, :districtId, :now, :by, :byName)
				""")
			.params(stateParams(r))
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("byName", byName)
			.update();
	}

	private static Map<String, Object> stateParams(ResidentState r) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", r.id());
		p.put("householdId", r.householdId());
		p.put("name", r.name());
		p.put("gender", r.gender());
		p.put("birthDate", r.birthDate());
		p.put("idCardCipher", r.idCardCipher());
		p.put("idCardHash", r.idCardHash());
		p.put("idCardMasked", r.idCardMasked());
		p.put("phoneCipher", r.phoneCipher());
		p.put("phoneHash", r.phoneHash());
		p.put("phoneMasked", r.phoneMasked());
		p.put("relation", r.relation());
		p.put("tags", String.join(",", r.tags()));
		p.put("kind", r.newEmploymentKind());
		p.put("active", r.active());
		p.put("buildingId", r.buildingId());
		p.put("gridId", r.gridId());
		p.put("scopePath", r.scopePath());
		p.put("districtId", r.districtId());
		p.put("version", r.version());
		return p;
	}

	public Optional<ResidentState> residentState(DataScope scope, UUID id) {
		return jdbc.sql("""
				SELECT * FROM people.resident WHERE id = :id AND scope_path LIKE :scope
				""").param("id", id).param("scope", scope.likePattern()).query(PeopleRows.RESIDENT_STATE).optional();
	}

	public List<ResidentState> residentStatesOfHousehold(UUID householdId) {
		return jdbc.sql("SELECT * FROM people.resident WHERE household_id = :id AND active ORDER BY id")
			.param("id", householdId)
			.query(PeopleRows.RESIDENT_STATE)
			.list();
	}

	public Optional<ResidentSummary> resident(DataScope scope, UUID id) {
		return jdbc.sql(RESIDENT + " WHERE r.id = :id AND r.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(summary)
			.optional();
	}

	public List<ResidentSummary> residentsOfHousehold(DataScope scope, UUID householdId) {
		return jdbc.sql(RESIDENT + """
				 WHERE r.household_id = :id AND r.scope_path LIKE :scope
				 ORDER BY (r.relation = 'HEAD') DESC, r.birth_date, r.id
				""").param("id", householdId).param("scope", scope.likePattern()).query(summary).list();
	}

	/** A filtered page; the filters are all bound parameters, absent ones compare with null and match all. */
	public List<ResidentSummary> search(DataScope scope, SearchFilter f, int limit, int offset) {
		return jdbc.sql(RESIDENT + WHERE_SEARCH + " ORDER BY r.name, r.id LIMIT :limit OFFSET :offset")
			.params(searchParams(scope, f))
			.param("limit", limit)
			.param("offset", offset)
			.query(summary)
			.list();
	}

	public long count(DataScope scope, SearchFilter f) {
		return jdbc.sql("SELECT count(*) FROM people.resident r JOIN people.household h ON h.id = r.household_id"
				+ " AND h.district_id = r.district_id "
				+ WHERE_SEARCH).params(searchParams(scope, f)).query(Long.class).single();
	}

	/** The search's filters in stored form: the name as a LIKE pattern, phone and ID number as hashes. */
	public record SearchFilter(String namePattern, byte[] phoneHash, byte[] idCardHash, String tag, UUID gridId,
			UUID buildingId, UUID householdId, boolean includeMovedOut) {
	}

	private static final String WHERE_SEARCH = """
			 WHERE r.scope_path LIKE :scope
			   AND (CAST(:name AS text) IS NULL OR r.name LIKE CAST(:name AS text) ESCAPE '\\')
			   AND (CAST(:phoneHash AS bytea) IS NULL OR r.phone_hash = CAST(:phoneHash AS bytea))
			   AND (CAST(:idHash AS bytea) IS NULL OR r.id_card_hash = CAST(:idHash AS bytea))
			   AND (CAST(:tag AS text) IS NULL OR CAST(:tag AS text) = ANY (r.tags))
			   AND (CAST(:gridId AS uuid) IS NULL OR r.grid_id = CAST(:gridId AS uuid))
			   AND (CAST(:buildingId AS uuid) IS NULL OR r.building_id = CAST(:buildingId AS uuid))
			   AND (CAST(:householdId AS uuid) IS NULL OR r.household_id = CAST(:householdId AS uuid))
			   AND (r.active OR :includeMovedOut)
			""";

	private static Map<String, Object> searchParams(DataScope scope, SearchFilter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("scope", scope.likePattern());
		p.put("name", f.namePattern());
		p.put("phoneHash", f.phoneHash());
		p.put("idHash", f.idCardHash());
		p.put("tag", f.tag());
		p.put("gridId", f.gridId());
		p.put("buildingId", f.buildingId());
		p.put("householdId", f.householdId());
		p.put("includeMovedOut", f.includeMovedOut());
		return p;
	}

	public Optional<byte[][]> personalData(DataScope scope, UUID id) {
		return jdbc.sql("""
				SELECT id_card_cipher, phone_cipher FROM people.resident WHERE id = :id AND scope_path LIKE :scope
				""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) })
			.optional();
	}

	public List<ResidentVersionEntry> versions(DataScope scope, UUID residentId) {
		return jdbc.sql("""
				SELECT v.version, v.reason, v.name, v.relation, v.tags, v.active, v.recorded_at, v.recorded_by_name
				  FROM people.resident_version v
				  JOIN people.resident r ON r.id = v.resident_id
				 WHERE v.resident_id = :id AND r.scope_path LIKE :scope
				 ORDER BY v.version
				""")
			.param("id", residentId)
			.param("scope", scope.likePattern())
			.query(PeopleRows.VERSION_ENTRY)
			.list();
	}
}
