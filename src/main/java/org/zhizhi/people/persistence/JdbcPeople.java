package org.zhizhi.people.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.Gender;
import org.zhizhi.people.HouseholdEventKind;
import org.zhizhi.people.LedgerRole;
import org.zhizhi.people.NewEmploymentKind;
import org.zhizhi.people.PeopleViews.HouseholdHistoryEntry;
import org.zhizhi.people.PeopleViews.HouseholdView;
import org.zhizhi.people.PeopleViews.LedgerEntry;
import org.zhizhi.people.PeopleViews.PeopleCounts;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.people.PeopleViews.ResidentVersionEntry;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.people.Tenure;
import org.zhizhi.shared.DataScope;

/** The SQL of households, residents, their histories and the ledgers; every read binds the scope prefix. */
@Repository
public class JdbcPeople {

	private static final String RESIDENT = """
			SELECT r.id, r.household_id, r.name, r.gender, r.birth_date, r.phone_masked, r.id_card_masked, r.relation,
			       r.tags, r.new_employment_kind, h.dwelling_label, r.grid_id, r.building_id, r.active, r.version
			  FROM people.resident r
			  JOIN people.household h ON h.id = r.household_id
			""";

	private static final String HOUSEHOLD = """
			SELECT id, dwelling_id, dwelling_label, building_id, grid_id, registered, tenure, moved_in, moved_out,
			       head_resident_id, version
			  FROM people.household
			""";

	/** Rows per JDBC batch of a bulk load. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	private final ZoneId zone;

	JdbcPeople(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ZoneId zone) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.zone = zone;
	}

	// --- households ----------------------------------------------------------------------------------------------

	public void insertHousehold(UUID id, UUID dwellingId, String dwellingLabel, UUID buildingId, UUID gridId,
			UUID microGridId, boolean registered, String tenure, LocalDate movedIn, String scopePath, UUID districtId,
			Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO people.household (id, dwelling_id, dwelling_label, building_id, grid_id, micro_grid_id,
				       registered, tenure, moved_in, scope_path, district_id, created_at, created_by)
				VALUES (:id, :dwellingId, :label, :buildingId, :gridId, :microGridId, :registered, :tenure, :movedIn,
				        :scopePath, :districtId, :now, :by)
				""")
			.param("id", id)
			.param("dwellingId", dwellingId)
			.param("label", dwellingLabel)
			.param("buildingId", buildingId)
			.param("gridId", gridId)
			.param("microGridId", microGridId)
			.param("registered", registered)
			.param("tenure", tenure)
			.param("movedIn", movedIn)
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	public Optional<HouseholdView> household(DataScope scope, UUID id) {
		return jdbc.sql(HOUSEHOLD + " WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPeople::household)
			.optional();
	}

	/** The scope path and district of a household in scope, for the rows that follow it. */
	public Optional<String[]> householdPlacement(DataScope scope, UUID id) {
		return jdbc.sql("""
				SELECT scope_path, district_id::text, building_id::text, grid_id::text FROM people.household
				 WHERE id = :id AND scope_path LIKE :scope
				""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.optional();
	}

	public boolean setHead(UUID householdId, UUID residentId) {
		return jdbc.sql("""
				UPDATE people.household SET head_resident_id = :resident, version = version + 1
				 WHERE id = :id AND head_resident_id IS NULL
				""").param("id", householdId).param("resident", residentId).update() == 1;
	}

	/** Moves the household if nobody changed it meanwhile; false if the version no longer matches. */
	public boolean moveHousehold(UUID id, int version, UUID dwellingId, String label, UUID buildingId, UUID gridId,
			UUID microGridId, String scopePath) {
		return jdbc.sql("""
				UPDATE people.household
				   SET dwelling_id = :dwellingId, dwelling_label = :label, building_id = :buildingId, grid_id = :gridId,
				       micro_grid_id = :microGridId, scope_path = :scopePath, version = version + 1
				 WHERE id = :id AND version = :version AND moved_out IS NULL
				""")
			.param("id", id)
			.param("version", version)
			.param("dwellingId", dwellingId)
			.param("label", label)
			.param("buildingId", buildingId)
			.param("gridId", gridId)
			.param("microGridId", microGridId)
			.param("scopePath", scopePath)
			.update() == 1;
	}

	public boolean moveOut(UUID id, int version, LocalDate on) {
		return jdbc.sql("""
				UPDATE people.household SET moved_out = :on, version = version + 1
				 WHERE id = :id AND version = :version AND moved_out IS NULL
				""").param("id", id).param("version", version).param("on", on).update() == 1;
	}

	public void insertEvent(UUID id, UUID householdId, HouseholdEventKind kind, LocalDate on, UUID fromDwelling,
			String fromLabel, UUID toDwelling, String toLabel, UUID residentId, String scopePath, UUID districtId,
			Instant now, UUID by, String byName) {
		jdbc.sql("""
				INSERT INTO people.household_event (id, household_id, kind, occurred_on, from_dwelling_id, from_label,
				       to_dwelling_id, to_label, resident_id, scope_path, district_id, recorded_at, recorded_by,
				       recorded_by_name)
				VALUES (:id, :householdId, :kind, :on, :fromDwelling, :fromLabel, :toDwelling, :toLabel, :residentId,
				        :scopePath, :districtId, :now, :by, :byName)
				""")
			.param("id", id)
			.param("householdId", householdId)
			.param("kind", kind.name())
			.param("on", on)
			.param("fromDwelling", fromDwelling)
			.param("fromLabel", fromLabel)
			.param("toDwelling", toDwelling)
			.param("toLabel", toLabel)
			.param("residentId", residentId)
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("byName", byName)
			.update();
	}

	public List<HouseholdHistoryEntry> history(DataScope scope, UUID householdId) {
		return jdbc.sql("""
				SELECT e.kind, e.occurred_on, e.from_label, e.to_label, e.resident_id, e.recorded_at,
				       e.recorded_by_name
				  FROM people.household_event e
				  JOIN people.household h ON h.id = e.household_id
				 WHERE e.household_id = :id AND h.scope_path LIKE :scope
				 ORDER BY e.recorded_at, e.id
				""")
			.param("id", householdId)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new HouseholdHistoryEntry(HouseholdEventKind.valueOf(rs.getString("kind")),
					rs.getObject("occurred_on", LocalDate.class), rs.getString("from_label"),
					rs.getString("to_label"), rs.getObject("resident_id", UUID.class),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name")))
			.list();
	}

	// --- residents -----------------------------------------------------------------------------------------------

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

	/** Replaces the current state if it is still at {@code expectedVersion}; the caller records the new version. */
	public boolean updateResident(ResidentState r, int expectedVersion, Instant now, UUID by) {
		return jdbc.sql("""
				UPDATE people.resident
				   SET household_id = :householdId, name = :name, gender = :gender, phone_cipher = :phoneCipher,
				       phone_hash = :phoneHash, phone_masked = :phoneMasked, relation = :relation,
				       tags = string_to_array(:tags, ','), new_employment_kind = :kind, active = :active,
				       building_id = :buildingId, grid_id = :gridId, scope_path = :scopePath, version = :version,
				       updated_at = :now, updated_by = :by
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

	private static java.util.Map<String, Object> stateParams(ResidentState r) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
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
				""").param("id", id).param("scope", scope.likePattern()).query((rs, n) -> state(rs)).optional();
	}

	public List<ResidentState> residentStatesOfHousehold(UUID householdId) {
		return jdbc.sql("SELECT * FROM people.resident WHERE household_id = :id AND active ORDER BY id")
			.param("id", householdId)
			.query((rs, n) -> state(rs))
			.list();
	}

	private static ResidentState state(ResultSet rs) throws SQLException {
		return new ResidentState(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("name"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
				rs.getBytes("id_card_cipher"), rs.getBytes("id_card_hash"), rs.getString("id_card_masked"),
				rs.getBytes("phone_cipher"), rs.getBytes("phone_hash"), rs.getString("phone_masked"),
				rs.getString("relation"), strings(rs.getArray("tags")), rs.getString("new_employment_kind"),
				rs.getBoolean("active"), rs.getObject("building_id", UUID.class), rs.getObject("grid_id", UUID.class),
				rs.getString("scope_path"), rs.getObject("district_id", UUID.class), rs.getInt("version"));
	}

	public Optional<ResidentSummary> resident(DataScope scope, UUID id) {
		return jdbc.sql(RESIDENT + " WHERE r.id = :id AND r.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(this::summary)
			.optional();
	}

	public List<ResidentSummary> residentsOfHousehold(DataScope scope, UUID householdId) {
		return jdbc.sql(RESIDENT + """
				 WHERE r.household_id = :id AND r.scope_path LIKE :scope
				 ORDER BY (r.relation = 'HEAD') DESC, r.birth_date, r.id
				""").param("id", householdId).param("scope", scope.likePattern()).query(this::summary).list();
	}

	/** A filtered page; the filters are all bound parameters, absent ones compare with null and match all. */
	public List<ResidentSummary> search(DataScope scope, SearchFilter f, int limit, int offset) {
		return jdbc.sql(RESIDENT + WHERE_SEARCH + " ORDER BY r.name, r.id LIMIT :limit OFFSET :offset")
			.params(searchParams(scope, f))
			.param("limit", limit)
			.param("offset", offset)
			.query(this::summary)
			.list();
	}

	public long count(DataScope scope, SearchFilter f) {
		return jdbc.sql("SELECT count(*) FROM people.resident r JOIN people.household h ON h.id = r.household_id "
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

	private static java.util.Map<String, Object> searchParams(DataScope scope, SearchFilter f) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
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
			.query((rs, n) -> new ResidentVersionEntry(rs.getInt("version"), rs.getString("reason"),
					rs.getString("name"), Relation.valueOf(rs.getString("relation")), tags(rs.getArray("tags")),
					rs.getBoolean("active"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by_name")))
			.list();
	}

	// --- ledgers and counts --------------------------------------------------------------------------------------

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
				  JOIN people.household h ON h.id = r.household_id
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
			.query((rs, n) -> new LedgerEntry(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("phone_masked"),
					rs.getString("new_employment_kind") == null ? null
							: NewEmploymentKind.valueOf(rs.getString("new_employment_kind")),
					rs.getString("dwelling_label"),
					strings(rs.getArray("roles")).stream().map(LedgerRole::valueOf).toList()))
			.list();
	}

	public PeopleCounts counts(DataScope scope) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM people.household WHERE scope_path LIKE :scope AND moved_out IS NULL),
				       (SELECT count(*) FROM people.resident WHERE scope_path LIKE :scope AND active)
				""")
			.param("scope", scope.likePattern())
			.query((rs, n) -> new PeopleCounts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** Households (or residents) under each of the given paths, in one query; keyed by path. */
	public Map<String, Long> countEachWithin(List<String> paths, boolean households) {
		if (paths.isEmpty()) {
			return Map.of();
		}
		String counted = households
				? "people.household r ON r.scope_path LIKE p.path || '%' AND r.moved_out IS NULL"
				: "people.resident r ON r.scope_path LIKE p.path || '%' AND r.active";
		Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("SELECT p.path, count(r.id) AS n FROM unnest(CAST(ARRAY[:paths] AS text[])) AS p(path) LEFT JOIN "
				+ counted + " GROUP BY p.path")
			.param("paths", paths)
			.query((rs, n) -> counts.put(rs.getString("path"), rs.getLong("n")))
			.list();
		return counts;
	}

	public PeopleCounts countsInBuildings(DataScope scope, List<UUID> buildingIds) {
		if (buildingIds.isEmpty()) {
			return new PeopleCounts(0, 0);
		}
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM people.household
				         WHERE scope_path LIKE :scope AND moved_out IS NULL AND building_id IN (:buildings)),
				       (SELECT count(*) FROM people.resident
				         WHERE scope_path LIKE :scope AND active AND building_id IN (:buildings))
				""")
			.param("scope", scope.likePattern())
			.param("buildings", buildingIds)
			.query((rs, n) -> new PeopleCounts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	// --- bulk loads: the same rows as the single commands, in JDBC batches ---------------------------------------

	/** A household row of a bulk load, its head already known. */
	public record HouseholdRow(UUID id, UUID dwellingId, String dwellingLabel, UUID buildingId, UUID gridId,
			UUID microGridId, boolean registered, String tenure, LocalDate movedIn, UUID headResidentId, int version,
			String scopePath, UUID districtId) {
	}

	/** A household event row of a bulk load. */
	public record EventRow(UUID id, UUID householdId, HouseholdEventKind kind, LocalDate on, UUID toDwelling,
			String toLabel, UUID residentId, String scopePath, UUID districtId) {
	}

	/** A ledger role row of a bulk load. */
	public record LedgerRow(UUID id, UUID residentId, LedgerRole role, LocalDate startedOn, String note,
			String scopePath, UUID districtId) {
	}

	public void insertHouseholds(List<HouseholdRow> rows, Instant now, UUID by) {
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO people.household (id, dwelling_id, dwelling_label, building_id, grid_id, micro_grid_id,
				       registered, tenure, moved_in, head_resident_id, version, scope_path, district_id, created_at,
				       created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, BATCH, (ps, h) -> {
			ps.setObject(1, h.id());
			ps.setObject(2, h.dwellingId());
			ps.setString(3, h.dwellingLabel());
			ps.setObject(4, h.buildingId());
			ps.setObject(5, h.gridId());
			ps.setObject(6, h.microGridId());
			ps.setBoolean(7, h.registered());
			ps.setString(8, h.tenure());
			ps.setObject(9, h.movedIn());
			uuidOrNull(ps, 10, h.headResidentId());
			ps.setInt(11, h.version());
			ps.setString(12, h.scopePath());
			ps.setObject(13, h.districtId());
			ps.setTimestamp(14, at);
			uuidOrNull(ps, 15, by);
		});
	}

	public void insertEvents(List<EventRow> rows, Instant now, UUID by, String byName) {
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO people.household_event (id, household_id, kind, occurred_on, to_dwelling_id, to_label,
				       resident_id, scope_path, district_id, recorded_at, recorded_by, recorded_by_name)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, BATCH, (ps, e) -> {
			ps.setObject(1, e.id());
			ps.setObject(2, e.householdId());
			ps.setString(3, e.kind().name());
			ps.setObject(4, e.on());
			uuidOrNull(ps, 5, e.toDwelling());
			textOrNull(ps, 6, e.toLabel());
			uuidOrNull(ps, 7, e.residentId());
			ps.setString(8, e.scopePath());
			ps.setObject(9, e.districtId());
			ps.setTimestamp(10, at);
			uuidOrNull(ps, 11, by);
			textOrNull(ps, 12, byName);
		});
	}

	public void insertResidents(List<ResidentState> rows, Instant now, UUID by) {
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO people.resident (id, household_id, name, gender, birth_date, id_card_cipher, id_card_hash,
				       id_card_masked, phone_cipher, phone_hash, phone_masked, relation, tags, new_employment_kind,
				       active, building_id, grid_id, scope_path, district_id, version, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, BATCH, (ps, r) -> {
			ps.setObject(1, r.id());
			ps.setObject(2, r.householdId());
			ps.setString(3, r.name());
			ps.setString(4, r.gender());
			ps.setObject(5, r.birthDate());
			ps.setBytes(6, r.idCardCipher());
			ps.setBytes(7, r.idCardHash());
			ps.setString(8, r.idCardMasked());
			bytesOrNull(ps, 9, r.phoneCipher());
			bytesOrNull(ps, 10, r.phoneHash());
			textOrNull(ps, 11, r.phoneMasked());
			ps.setString(12, r.relation());
			ps.setString(13, String.join(",", r.tags()));
			textOrNull(ps, 14, r.newEmploymentKind());
			ps.setBoolean(15, r.active());
			ps.setObject(16, r.buildingId());
			ps.setObject(17, r.gridId());
			ps.setString(18, r.scopePath());
			ps.setObject(19, r.districtId());
			ps.setInt(20, r.version());
			ps.setTimestamp(21, at);
			uuidOrNull(ps, 22, by);
		});
	}

	public void insertVersions(List<ResidentState> rows, String reason, Instant now, UUID by, String byName) {
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO people.resident_version (resident_id, version, reason, household_id, name, gender,
				       birth_date, id_card_cipher, id_card_hash, phone_cipher, phone_hash, relation, tags,
				       new_employment_kind, active, scope_path, district_id, recorded_at, recorded_by, recorded_by_name)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?)
				""", rows, BATCH, (ps, r) -> {
			ps.setObject(1, r.id());
			ps.setInt(2, r.version());
			ps.setString(3, reason);
			ps.setObject(4, r.householdId());
			ps.setString(5, r.name());
			ps.setString(6, r.gender());
			ps.setObject(7, r.birthDate());
			ps.setBytes(8, r.idCardCipher());
			ps.setBytes(9, r.idCardHash());
			bytesOrNull(ps, 10, r.phoneCipher());
			bytesOrNull(ps, 11, r.phoneHash());
			ps.setString(12, r.relation());
			ps.setString(13, String.join(",", r.tags()));
			textOrNull(ps, 14, r.newEmploymentKind());
			ps.setBoolean(15, r.active());
			ps.setString(16, r.scopePath());
			ps.setObject(17, r.districtId());
			ps.setTimestamp(18, at);
			uuidOrNull(ps, 19, by);
			textOrNull(ps, 20, byName);
		});
	}

	public void insertLedgerRoles(List<LedgerRow> rows, Instant now, UUID by, String byName) {
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO people.ledger_role (id, resident_id, role, started_on, note, scope_path, district_id,
				       recorded_at, recorded_by, recorded_by_name)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, BATCH, (ps, l) -> {
			ps.setObject(1, l.id());
			ps.setObject(2, l.residentId());
			ps.setString(3, l.role().name());
			ps.setObject(4, l.startedOn());
			textOrNull(ps, 5, l.note());
			ps.setString(6, l.scopePath());
			ps.setObject(7, l.districtId());
			ps.setTimestamp(8, at);
			uuidOrNull(ps, 9, by);
			textOrNull(ps, 10, byName);
		});
	}

	private static void uuidOrNull(PreparedStatement ps, int index, UUID value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.OTHER);
		}
		else {
			ps.setObject(index, value);
		}
	}

	private static void textOrNull(PreparedStatement ps, int index, String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}

	private static void bytesOrNull(PreparedStatement ps, int index, byte[] value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BINARY);
		}
		else {
			ps.setBytes(index, value);
		}
	}

	// --- mapping -------------------------------------------------------------------------------------------------

	private static HouseholdView household(ResultSet rs, int row) throws SQLException {
		return new HouseholdView(rs.getObject("id", UUID.class), rs.getObject("dwelling_id", UUID.class),
				rs.getString("dwelling_label"), rs.getObject("building_id", UUID.class),
				rs.getObject("grid_id", UUID.class), rs.getBoolean("registered"),
				Tenure.valueOf(rs.getString("tenure")), rs.getObject("moved_in", LocalDate.class),
				rs.getObject("moved_out", LocalDate.class), rs.getObject("head_resident_id", UUID.class),
				rs.getInt("version"));
	}

	/** The age is the one on the platform's today in Chongqing, the day the staff member is looking at. */
	private ResidentSummary summary(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("new_employment_kind");
		LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
		int age = Period.between(birthDate, LocalDate.now(clock.withZone(zone))).getYears();
		return new ResidentSummary(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				org.zhizhi.people.PersonalData.maskName(rs.getString("name")), Gender.valueOf(rs.getString("gender")),
				birthDate, age, rs.getString("phone_masked"),
				rs.getString("id_card_masked"), Relation.valueOf(rs.getString("relation")), tags(rs.getArray("tags")),
				kind == null ? null : NewEmploymentKind.valueOf(kind), rs.getString("dwelling_label"),
				rs.getObject("grid_id", UUID.class), rs.getObject("building_id", UUID.class),
				rs.getBoolean("active"), rs.getInt("version"));
	}

	private static List<ResidentTag> tags(Array array) throws SQLException {
		return strings(array).stream().map(ResidentTag::valueOf).sorted().toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
	}
}
