package org.zhizhi.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.Home;
import org.zhizhi.people.HouseholdEventKind;
import org.zhizhi.people.HouseholdUnit;
import org.zhizhi.people.PeopleViews.HouseholdHistoryEntry;
import org.zhizhi.people.PeopleViews.HouseholdView;
import org.zhizhi.people.Tenure;
import org.zhizhi.shared.DataScope;

/** The SQL of households and their insert-only history of events; every read binds the scope prefix. */
@Repository
public class Households {

	private static final String HOUSEHOLD = """
			SELECT id, dwelling_id, dwelling_label, building_id, grid_id, registered, tenure, moved_in, moved_out,
			       head_resident_id, version
			  FROM people.household
			""";

	private final JdbcClient jdbc;

	Households(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
			.query(PeopleRows.HOUSEHOLD)
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

	/**
	 * Moves the household if nobody changed it meanwhile; false if the version no longer matches. A dwelling in another
	 * district moves the row to that district's partition (people/V8), under the same id.
	 */
	public boolean moveHousehold(UUID id, int version, UUID dwellingId, String label, UUID buildingId, UUID gridId,
			UUID microGridId, String scopePath, UUID districtId) {
		return jdbc.sql("""
				UPDATE people.household
				   SET dwelling_id = :dwellingId, dwelling_label = :label, building_id = :buildingId, grid_id = :gridId,
				       micro_grid_id = :microGridId, scope_path = :scopePath, district_id = :districtId,
				       version = version + 1
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
			.param("districtId", districtId)
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
			.query(PeopleRows.HISTORY_ENTRY)
			.list();
	}

	/** The households living now in the buildings, inside the scope, by building and dwelling. */
	public List<HouseholdUnit> livingIn(DataScope scope, Collection<UUID> buildingIds) {
		if (buildingIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, dwelling_id, dwelling_label, building_id, tenure FROM people.household
				 WHERE building_id IN (:buildings) AND moved_out IS NULL AND scope_path LIKE :scope
				 ORDER BY building_id, dwelling_label, id""")
			.param("buildings", buildingIds)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new HouseholdUnit(rs.getObject(1, UUID.class),
					rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
					Tenure.valueOf(rs.getString(5))))
			.list();
	}

	/** The home of the resident an account belongs to, if he lives somewhere now. */
	public Optional<Home> homeOf(UUID accountId) {
		return jdbc.sql("""
				SELECT r.id, h.id, h.dwelling_id, h.dwelling_label, h.building_id, h.tenure
				  FROM people.resident_account a
				  JOIN people.resident r ON r.id = a.resident_id AND r.district_id = a.district_id
				  JOIN people.household h ON h.id = r.household_id AND h.district_id = r.district_id
				 WHERE a.account_id = :account AND r.active AND h.moved_out IS NULL""")
			.param("account", accountId)
			.query((rs, n) -> new Home(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
					Tenure.valueOf(rs.getString(6))))
			.optional();
	}

	/** The name and masked ID number of the resident who signs in with this account (never the number itself). */
	public Optional<org.zhizhi.people.RegisteredIdentity> identityOf(UUID accountId) {
		return jdbc.sql("""
				SELECT r.name, r.id_card_masked
				  FROM people.resident_account a
				  JOIN people.resident r ON r.id = a.resident_id AND r.district_id = a.district_id
				 WHERE a.account_id = :account AND r.active""")
			.param("account", accountId)
			.query((rs, n) -> new org.zhizhi.people.RegisteredIdentity(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Binds a resident to the account he signs in with; false if either is bound already. The account is looked up
	 * in resident_account, which holds every district's (people/V7); its primary key decides between two binds of
	 * one account at once, which the loser learns from the unique violation.
	 */
	public boolean bindAccount(UUID residentId, UUID accountId) {
		try {
			return jdbc.sql("""
					UPDATE people.resident SET account_id = :account
					 WHERE id = :id AND account_id IS NULL
					   AND NOT EXISTS (SELECT 1 FROM people.resident_account WHERE account_id = :account)""")
				.param("account", accountId)
				.param("id", residentId)
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** The accounts of the active residents of these households. */
	public List<UUID> accountsOf(Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT account_id FROM people.resident
				 WHERE household_id IN (:households) AND account_id IS NOT NULL AND active""")
			.param("households", householdIds)
			.query(UUID.class)
			.list();
	}

	/** The same, by household: whom to tell of a matter that is each household's own (its bill). */
	public java.util.Map<UUID, List<UUID>> accountsByHousehold(Collection<UUID> householdIds) {
		java.util.Map<UUID, List<UUID>> accounts = new java.util.HashMap<>();
		if (householdIds.isEmpty()) {
			return accounts;
		}
		jdbc.sql("""
				SELECT household_id, account_id FROM people.resident
				 WHERE household_id IN (:households) AND account_id IS NOT NULL AND active""")
			.param("households", householdIds)
			.query((rs, n) -> accounts.computeIfAbsent(rs.getObject("household_id", UUID.class),
					h -> new java.util.ArrayList<>()).add(rs.getObject("account_id", UUID.class)))
			.list();
		return accounts;
	}
}
