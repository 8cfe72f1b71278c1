package org.zhizhi.people.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.HouseholdEventKind;
import org.zhizhi.people.LedgerRole;

/**
 * The bulk load of imports and the demo: the same rows as the single commands of {@link Households},
 * {@link Residents} and {@link Ledgers}, in JDBC batches.
 */
@Repository
public class BulkLoads {

	/** Rows per JDBC batch of a bulk load. */
	private static final int BATCH = 1000;

	private final JdbcTemplate batch;

	BulkLoads(JdbcTemplate batch) {
		this.batch = batch;
	}

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
}
