package org.zhizhi.people.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
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
import org.zhizhi.people.PersonalData;
import org.zhizhi.people.Relation;
import org.zhizhi.people.ResidentTag;
import org.zhizhi.people.Tenure;

/** One row mapper per row type the people repositories read; the column names are those of their SELECTs. */
final class PeopleRows {

	static final RowMapper<HouseholdView> HOUSEHOLD = (rs, n) -> new HouseholdView(rs.getObject("id", UUID.class),
			rs.getObject("dwelling_id", UUID.class), rs.getString("dwelling_label"),
			rs.getObject("building_id", UUID.class), rs.getObject("grid_id", UUID.class), rs.getBoolean("registered"),
			Tenure.valueOf(rs.getString("tenure")), rs.getObject("moved_in", LocalDate.class),
			rs.getObject("moved_out", LocalDate.class), rs.getObject("head_resident_id", UUID.class),
			rs.getInt("version"));

	static final RowMapper<HouseholdHistoryEntry> HISTORY_ENTRY = (rs, n) -> new HouseholdHistoryEntry(
			HouseholdEventKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class),
			rs.getString("from_label"), rs.getString("to_label"), rs.getObject("resident_id", UUID.class),
			rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"));

	/** A {@code people.resident} row as stored. */
	static final RowMapper<ResidentState> RESIDENT_STATE = (rs, n) -> new ResidentState(rs.getObject("id", UUID.class),
			rs.getObject("household_id", UUID.class), rs.getString("name"), rs.getString("gender"),
			rs.getObject("birth_date", LocalDate.class), rs.getBytes("id_card_cipher"), rs.getBytes("id_card_hash"),
			rs.getString("id_card_masked"), rs.getBytes("phone_cipher"), rs.getBytes("phone_hash"),
			rs.getString("phone_masked"), rs.getString("relation"), strings(rs.getArray("tags")),
			rs.getString("new_employment_kind"), rs.getBoolean("active"), rs.getObject("building_id", UUID.class),
			rs.getObject("grid_id", UUID.class), rs.getString("scope_path"), rs.getObject("district_id", UUID.class),
			rs.getInt("version"));

	static final RowMapper<ResidentVersionEntry> VERSION_ENTRY = (rs, n) -> new ResidentVersionEntry(
			rs.getInt("version"), rs.getString("reason"), rs.getString("name"),
			Relation.valueOf(rs.getString("relation")), tags(rs.getArray("tags")), rs.getBoolean("active"),
			rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"));

	static final RowMapper<LedgerEntry> LEDGER_ENTRY = (rs, n) -> new LedgerEntry(rs.getObject("id", UUID.class),
			rs.getString("name"), rs.getString("phone_masked"), newEmploymentKind(rs.getString("new_employment_kind")),
			rs.getString("dwelling_label"), strings(rs.getArray("roles")).stream().map(LedgerRole::valueOf).toList());

	/** Two counts: households, then residents. */
	static final RowMapper<PeopleCounts> COUNTS = (rs, n) -> new PeopleCounts(rs.getLong(1), rs.getLong(2));

	private PeopleRows() {
	}

	/** The age is the one on the platform's today in Chongqing, the day the staff member is looking at. */
	static RowMapper<ResidentSummary> summary(Clock clock, ZoneId zone) {
		return (rs, n) -> {
			String kind = rs.getString("new_employment_kind");
			LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
			int age = Period.between(birthDate, LocalDate.now(clock.withZone(zone))).getYears();
			return new ResidentSummary(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
					PersonalData.maskName(rs.getString("name")), Gender.valueOf(rs.getString("gender")), birthDate, age,
					rs.getString("phone_masked"), rs.getString("id_card_masked"),
					Relation.valueOf(rs.getString("relation")), tags(rs.getArray("tags")), newEmploymentKind(kind),
					rs.getString("dwelling_label"), rs.getObject("grid_id", UUID.class),
					rs.getObject("building_id", UUID.class), rs.getBoolean("active"), rs.getInt("version"));
		};
	}

	private static NewEmploymentKind newEmploymentKind(String kind) {
		return kind == null ? null : NewEmploymentKind.valueOf(kind);
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
