package org.zhizhi.party.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.party.DualRegistration;
import org.zhizhi.party.HubHousehold;
import org.zhizhi.party.MemberGender;
import org.zhizhi.party.MemberKind;
import org.zhizhi.party.MemberStatus;
import org.zhizhi.party.PartyLevel;
import org.zhizhi.party.PartyMember;
import org.zhizhi.party.PartyOrg;
import org.zhizhi.party.PlaceKind;
import org.zhizhi.shared.DataScope;

/** The SQL of the party tree, members and hub households; every read binds the scope prefix. */
@Repository
public class JdbcParty {

	/** Members that count: active, and members rather than activists or applicants. */
	private static final String COUNTED = "m.status = 'ACTIVE' AND m.kind IN ('REGULAR', 'IN_SERVICE', 'INCOMING')";

	private static final String ORG = """
			SELECT o.id, o.parent_id, o.name, o.level, o.functional, o.temporary, o.place_kind, o.place_id,
			       o.place_name, o.estate_id, o.building_id, o.scope_path,
			       (SELECT count(*) FROM party.member m WHERE m.org_id = o.id AND %1$s) AS members,
			       (WITH RECURSIVE within (id) AS (
			            SELECT o.id
			            UNION ALL
			            SELECT c.id FROM party.party_org c JOIN within w ON c.parent_id = w.id)
			        SELECT count(*) FROM party.member m WHERE m.org_id IN (SELECT id FROM within) AND %1$s)
			         AS members_within
			  FROM party.party_org o
			""".formatted(COUNTED);

	private static final String MEMBER = """
			SELECT m.id, m.org_id, o.name AS org_name, m.name, m.gender, m.joined_on, m.status, m.kind, m.employer,
			       m.dual_community_id, m.dual_estate_id, m.resident_id, m.account_id
			  FROM party.member m
			  JOIN party.party_org o ON o.id = m.org_id
			""";

	private static final String HUB = """
			SELECT h.id, h.member_id, m.name AS member_name, h.household_id,
			       array(SELECT b.building_id FROM party.hub_building b WHERE b.hub_id = h.id ORDER BY b.building_id)
			         AS building_ids
			  FROM party.hub_household h
			  JOIN party.member m ON m.id = h.member_id
			""";

	private final JdbcClient jdbc;

	JdbcParty(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- organisations -------------------------------------------------------------------------------------------

	public void insertOrg(PartyOrg org, UUID districtId, Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.party_org (id, parent_id, name, level, functional, temporary, place_kind, place_id,
				       place_name, estate_id, building_id, scope_path, district_id, created_at, created_by)
				VALUES (:id, :parentId, :name, :level, :functional, :temporary, :placeKind, :placeId, :placeName,
				        :estateId, :buildingId, :scopePath, :districtId, :now, :by)
				""")
			.param("id", org.id())
			.param("parentId", org.parentId())
			.param("name", org.name())
			.param("level", org.level().name())
			.param("functional", org.functional())
			.param("temporary", org.temporary())
			.param("placeKind", org.placeKind().name())
			.param("placeId", org.placeId())
			.param("placeName", org.placeName())
			.param("estateId", org.estateId())
			.param("buildingId", org.buildingId())
			.param("scopePath", org.scopePath())
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	public Optional<PartyOrg> org(DataScope scope, UUID id) {
		return jdbc.sql(ORG + " WHERE o.id = :id AND o.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcParty::org)
			.optional();
	}

	public List<PartyOrg> orgs(DataScope scope, int limit) {
		return jdbc.sql(ORG + " WHERE o.scope_path LIKE :scope ORDER BY o.scope_path, o.level, o.name LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcParty::org)
			.list();
	}

	/** The organisations inside the scope that serve one of the places or the estate (directly or by a building). */
	public List<PartyOrg> orgsServing(DataScope scope, Collection<UUID> placeIds, UUID estateId) {
		if (placeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ORG + """
				 WHERE o.scope_path LIKE :scope AND (o.place_id IN (:places) OR o.estate_id = :estateId)
				 ORDER BY o.level, o.name
				""")
			.param("scope", scope.likePattern())
			.param("places", placeIds)
			.param("estateId", estateId)
			.query(JdbcParty::org)
			.list();
	}

	public boolean orgNameTaken(UUID parentId, UUID placeId, String name) {
		return jdbc.sql("""
				SELECT count(*) FROM party.party_org
				 WHERE name = :name AND place_id = :placeId
				   AND parent_id IS NOT DISTINCT FROM CAST(:parentId AS uuid)
				""")
			.param("name", name)
			.param("placeId", placeId)
			.param("parentId", parentId)
			.query(Long.class)
			.single() > 0;
	}

	private static PartyOrg org(ResultSet rs, int row) throws SQLException {
		return new PartyOrg(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				rs.getString("name"), PartyLevel.valueOf(rs.getString("level")), rs.getBoolean("functional"),
				rs.getBoolean("temporary"), PlaceKind.valueOf(rs.getString("place_kind")),
				rs.getObject("place_id", UUID.class), rs.getString("place_name"),
				rs.getObject("estate_id", UUID.class), rs.getObject("building_id", UUID.class),
				rs.getString("scope_path"), rs.getLong("members"),
				rs.getLong("members_within"));
	}

	// --- members -------------------------------------------------------------------------------------------------

	public void insertMember(PartyMember member, MemberStatus status, String scopePath, UUID districtId, Instant now,
			UUID by) {
		jdbc.sql("""
				INSERT INTO party.member (id, org_id, name, gender, joined_on, status, kind, employer,
				       dual_community_id, dual_estate_id, resident_id, scope_path, district_id, created_at, created_by)
				VALUES (:id, :orgId, :name, :gender, :joinedOn, :status, :kind, :employer, :dualCommunityId,
				        :dualEstateId, :residentId, :scopePath, :districtId, :now, :by)
				""")
			.param("id", member.id())
			.param("orgId", member.orgId())
			.param("name", member.name())
			.param("gender", member.gender().name())
			.param("joinedOn", member.joinedOn())
			.param("status", status.name())
			.param("kind", member.kind().name())
			.param("employer", member.employer())
			.param("dualCommunityId", member.dualCommunityId())
			.param("dualEstateId", member.dualEstateId())
			.param("residentId", member.residentId())
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** The member record of the account (one at most), whatever his status. */
	public Optional<PartyMember> memberOfAccount(UUID accountId) {
		return jdbc.sql(MEMBER + " WHERE m.account_id = :account")
			.param("account", accountId)
			.query(JdbcParty::member)
			.optional();
	}

	public Optional<PartyMember> member(DataScope scope, UUID id) {
		return jdbc.sql(MEMBER + " WHERE m.id = :id AND m.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcParty::member)
			.optional();
	}

	/** Members inside the scope, optionally of one organisation and of one kind, by organisation and name. */
	public List<PartyMember> members(DataScope scope, UUID orgId, MemberKind kind, int limit) {
		return jdbc.sql(MEMBER + """
				 WHERE m.scope_path LIKE :scope
				   AND (CAST(:orgId AS uuid) IS NULL OR m.org_id = CAST(:orgId AS uuid))
				   AND (CAST(:kind AS text) IS NULL OR m.kind = CAST(:kind AS text))
				 ORDER BY o.name, m.name, m.id
				 LIMIT :limit
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.param("kind", kind == null ? null : kind.name())
			.param("limit", limit)
			.query(JdbcParty::member)
			.list();
	}

	/** The active full members of the organisation and every organisation below it, inside the scope, by name. */
	public List<PartyMember> activeMembersWithin(DataScope scope, UUID orgId, int limit) {
		return jdbc.sql("""
				WITH RECURSIVE within (id) AS (
				    SELECT CAST(:orgId AS uuid)
				    UNION ALL
				    SELECT c.id FROM party.party_org c JOIN within w ON c.parent_id = w.id)
				""" + MEMBER + """
				 WHERE m.org_id IN (SELECT id FROM within) AND m.scope_path LIKE :scope AND %s
				 ORDER BY m.name, m.id
				 LIMIT :limit
				""".formatted(COUNTED))
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.param("limit", limit)
			.query(JdbcParty::member)
			.list();
	}

	/**
	 * Links the member to the account he signs in with (or unlinks him with {@code null}); false when another member
	 * already holds that account (the unique index decides, also between two at once).
	 */
	public boolean linkAccount(UUID memberId, UUID accountId) {
		try {
			return linkAccountOnce(memberId, accountId);
		}
		catch (DuplicateKeyException twoAtOnce) {
			return false;
		}
	}

	private boolean linkAccountOnce(UUID memberId, UUID accountId) {
		return jdbc.sql("""
				UPDATE party.member SET account_id = :account
				 WHERE id = :id AND (CAST(:account AS uuid) IS NULL
				       OR NOT EXISTS (SELECT 1 FROM party.member o WHERE o.account_id = CAST(:account AS uuid) AND o.id <> :id))
				""")
			.param("id", memberId)
			.param("account", accountId)
			.update() == 1;
	}

	/** The active in-service members registered with a community (or, given an account, that account's one). */
	public List<DualRegistration> dualRegistrations(UUID communityId, UUID accountId) {
		return jdbc.sql("""
				SELECT id, name, account_id, dual_community_id, dual_estate_id FROM party.member
				 WHERE kind = 'IN_SERVICE' AND status = 'ACTIVE' AND account_id IS NOT NULL
				   AND dual_community_id IS NOT NULL
				   AND (CAST(:community AS uuid) IS NULL OR dual_community_id = CAST(:community AS uuid))
				   AND (CAST(:account AS uuid) IS NULL OR account_id = CAST(:account AS uuid))
				 ORDER BY name, id
				""")
			.param("community", communityId)
			.param("account", accountId)
			.query((rs, row) -> new DualRegistration(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("account_id", UUID.class), rs.getObject("dual_community_id", UUID.class),
					rs.getObject("dual_estate_id", UUID.class)))
			.list();
	}

	/** The member's scope path and district, for rows that hang on him. */
	public Optional<String[]> placementOfMember(UUID id) {
		return jdbc.sql("SELECT scope_path, district_id FROM party.member WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	/** Sets the status only if it is still the one read; the row count says whether it was. */
	public int changeStatus(UUID id, MemberStatus from, MemberStatus to) {
		return jdbc.sql("UPDATE party.member SET status = :to WHERE id = :id AND status = :from")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.update();
	}

	public void insertStatusChange(UUID memberId, MemberStatus status, LocalDate on, String note, UUID districtId,
			Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.member_status_change (member_id, status, changed_on, note, district_id, recorded_at,
				       recorded_by)
				VALUES (:memberId, :status, :on, :note, :districtId, :now, :by)
				""")
			.param("memberId", memberId)
			.param("status", status.name())
			.param("on", on)
			.param("note", note)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/** The member's status history, oldest first: {status, date, note}. */
	public List<String[]> statusHistory(UUID memberId) {
		return jdbc.sql("""
				SELECT status, changed_on, note FROM party.member_status_change
				 WHERE member_id = :id ORDER BY recorded_at, changed_on
				""")
			.param("id", memberId)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
	}

	private static PartyMember member(ResultSet rs, int row) throws SQLException {
		return new PartyMember(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getString("org_name"), rs.getString("name"), MemberGender.valueOf(rs.getString("gender")),
				rs.getObject("joined_on", LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
				MemberKind.valueOf(rs.getString("kind")), rs.getString("employer"),
				rs.getObject("dual_community_id", UUID.class), rs.getObject("dual_estate_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getObject("account_id", UUID.class));
	}

	// --- hub households ------------------------------------------------------------------------------------------

	public boolean isHub(UUID memberId) {
		return jdbc.sql("SELECT count(*) FROM party.hub_household WHERE member_id = :id")
			.param("id", memberId)
			.query(Long.class)
			.single() > 0;
	}

	/** {@code buildings} maps each served building to its estate. */
	public void insertHub(UUID id, UUID memberId, UUID householdId, Map<UUID, UUID> buildings, String scopePath,
			UUID districtId, Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.hub_household (id, member_id, household_id, scope_path, district_id, created_at,
				       created_by)
				VALUES (:id, :memberId, :householdId, :scopePath, :districtId, :now, :by)
				""")
			.param("id", id)
			.param("memberId", memberId)
			.param("householdId", householdId)
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		buildings.forEach((building, estate) -> jdbc.sql("""
				INSERT INTO party.hub_building (hub_id, building_id, estate_id, district_id)
				VALUES (:hubId, :buildingId, :estateId, :districtId)
				""")
			.param("hubId", id)
			.param("buildingId", building)
			.param("estateId", estate)
			.param("districtId", districtId)
			.update());
	}

	public List<HubHousehold> hubs(DataScope scope, int limit) {
		return jdbc.sql(HUB + " WHERE h.scope_path LIKE :scope ORDER BY m.name, h.id LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcParty::hub)
			.list();
	}

	public List<HubHousehold> hubsInEstate(DataScope scope, UUID estateId) {
		return jdbc.sql(HUB + """
				 WHERE h.scope_path LIKE :scope
				   AND EXISTS (SELECT 1 FROM party.hub_building b WHERE b.hub_id = h.id AND b.estate_id = :estateId)
				 ORDER BY m.name, h.id
				""")
			.param("scope", scope.likePattern())
			.param("estateId", estateId)
			.query(JdbcParty::hub)
			.list();
	}

	private static HubHousehold hub(ResultSet rs, int row) throws SQLException {
		List<UUID> buildings = new ArrayList<>();
		for (Object id : (Object[]) rs.getArray("building_ids").getArray()) {
			buildings.add((UUID) id);
		}
		return new HubHousehold(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("member_name"), rs.getObject("household_id", UUID.class), buildings);
	}

	// --- counts --------------------------------------------------------------------------------------------------

	/** {partyOrgs, partyMembers, hubHouseholds} inside the scope. */
	public long[] counts(DataScope scope) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM party.party_org o WHERE o.scope_path LIKE :scope),
				       (SELECT count(*) FROM party.member m WHERE m.scope_path LIKE :scope AND %s),
				       (SELECT count(*) FROM party.hub_household h WHERE h.scope_path LIKE :scope)
				""".formatted(COUNTED))
			.param("scope", scope.likePattern())
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	/** {partyOrgs, partyMembers, hubHouseholds} of the estate: attached to it or its buildings, inside the scope. */
	public long[] countsInEstate(DataScope scope, UUID estateId) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM party.party_org o
				         WHERE o.estate_id = :estateId AND o.scope_path LIKE :scope),
				       (SELECT count(*) FROM party.member m JOIN party.party_org o ON o.id = m.org_id
				         WHERE o.estate_id = :estateId AND m.scope_path LIKE :scope AND %s),
				       (SELECT count(*) FROM party.hub_household h
				         WHERE h.scope_path LIKE :scope
				           AND EXISTS (SELECT 1 FROM party.hub_building b
				                        WHERE b.hub_id = h.id AND b.estate_id = :estateId))
				""".formatted(COUNTED))
			.param("scope", scope.likePattern())
			.param("estateId", estateId)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}
}
