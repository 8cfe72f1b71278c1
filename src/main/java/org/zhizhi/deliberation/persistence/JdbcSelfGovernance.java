package org.zhizhi.deliberation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.BodyKind;
import org.zhizhi.deliberation.ConventionKind;

/** Bodies, their members, conventions and their versions. Reads are by estate; the service checks the scope. */
@Repository
public class JdbcSelfGovernance {

	public record Body(UUID id, UUID estateId, BodyKind kind, String name, LocalDate termStart, LocalDate termEnd) {
	}

	public record Member(UUID id, UUID bodyId, String name, String role, boolean partyMember, String buildingName,
			LocalDate joinedOn, LocalDate leftOn) {
	}

	public record Convention(UUID id, UUID estateId, ConventionKind kind, String title) {
	}

	public record Version(UUID conventionId, int version, String text, UUID topicId, Instant draftedAt,
			Instant adoptedAt) {
	}

	private final JdbcClient jdbc;

	JdbcSelfGovernance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertBody(UUID id, UUID estateId, String estateName, UUID communityId, UUID districtId,
			String scopePath, BodyKind kind, String name, LocalDate start, LocalDate end, Instant at, UUID by) {
		jdbc.sql("""
				INSERT INTO deliberation.body (id, estate_id, estate_name, community_id, district_id, scope_path, kind,
				       name, term_start, term_end, created_at, created_by)
				VALUES (:id, :estate, :estateName, :community, :district, :scope, :kind, :name, :start, :end, :at, :by)""")
			.param("id", id)
			.param("estate", estateId)
			.param("estateName", estateName)
			.param("community", communityId)
			.param("district", districtId)
			.param("scope", scopePath)
			.param("kind", kind.name())
			.param("name", name)
			.param("start", start)
			.param("end", end)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	public Optional<Body> body(UUID id) {
		return jdbc.sql("SELECT id, estate_id, kind, name, term_start, term_end FROM deliberation.body WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Body(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					BodyKind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.optional();
	}

	public List<Body> bodies(UUID estateId) {
		return jdbc.sql("""
				SELECT id, estate_id, kind, name, term_start, term_end FROM deliberation.body
				 WHERE estate_id = :estate ORDER BY kind, term_start DESC""")
			.param("estate", estateId)
			.query((rs, n) -> new Body(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					BodyKind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.list();
	}

	public void insertMember(UUID id, UUID bodyId, String name, String role, boolean partyMember, UUID buildingId,
			String buildingName, LocalDate joinedOn) {
		jdbc.sql("""
				INSERT INTO deliberation.body_member (id, body_id, name, role, party_member, building_id, building_name,
				       joined_on)
				VALUES (:id, :body, :name, :role, :party, :building, :buildingName, :joined)""")
			.param("id", id)
			.param("body", bodyId)
			.param("name", name)
			.param("role", role)
			.param("party", partyMember)
			.param("building", buildingId)
			.param("buildingName", buildingName)
			.param("joined", joinedOn)
			.update();
	}

	/** False if the member is not of this body or has left already. */
	public boolean leave(UUID bodyId, UUID memberId, LocalDate on) {
		return jdbc.sql("""
				UPDATE deliberation.body_member SET left_on = :on
				 WHERE id = :id AND body_id = :body AND left_on IS NULL AND joined_on <= :on""")
			.param("on", on)
			.param("id", memberId)
			.param("body", bodyId)
			.update() == 1;
	}

	public List<Member> members(UUID estateId) {
		return jdbc.sql("""
				SELECT m.id, m.body_id, m.name, m.role, m.party_member, m.building_name, m.joined_on, m.left_on
				  FROM deliberation.body_member m JOIN deliberation.body b ON b.id = m.body_id
				 WHERE b.estate_id = :estate ORDER BY m.body_id, m.left_on NULLS FIRST, m.joined_on, m.name""")
			.param("estate", estateId)
			.query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class)))
			.list();
	}

	public void insertConvention(UUID id, UUID estateId, UUID communityId, String scopePath, ConventionKind kind,
			String title, Instant at) {
		jdbc.sql("""
				INSERT INTO deliberation.convention (id, estate_id, community_id, scope_path, kind, title, created_at)
				VALUES (:id, :estate, :community, :scope, :kind, :title, :at)""")
			.param("id", id)
			.param("estate", estateId)
			.param("community", communityId)
			.param("scope", scopePath)
			.param("kind", kind.name())
			.param("title", title)
			.param("at", Timestamp.from(at))
			.update();
	}

	public Optional<Convention> convention(UUID id) {
		return jdbc.sql("SELECT id, estate_id, kind, title FROM deliberation.convention WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Convention(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					ConventionKind.valueOf(rs.getString(3)), rs.getString(4)))
			.optional();
	}

	public List<Convention> conventions(UUID estateId) {
		return jdbc.sql("""
				SELECT id, estate_id, kind, title FROM deliberation.convention WHERE estate_id = :estate
				 ORDER BY kind, title""")
			.param("estate", estateId)
			.query((rs, n) -> new Convention(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					ConventionKind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	/** The next version's draft, put to the residents as the topic; its number is one past the latest. */
	public int insertDraft(UUID conventionId, String text, UUID topicId, Instant at) {
		return jdbc.sql("""
				INSERT INTO deliberation.convention_version (convention_id, version, text, topic_id, drafted_at)
				SELECT :convention, coalesce(max(version), 0) + 1, :text, :topic, :at
				  FROM deliberation.convention_version WHERE convention_id = :convention
				RETURNING version""")
			.param("convention", conventionId)
			.param("text", text)
			.param("topic", topicId)
			.param("at", Timestamp.from(at))
			.query(Integer.class)
			.single();
	}

	/** The draft deliberated as this topic is adopted (once). */
	public boolean adopt(UUID topicId, Instant at) {
		return jdbc.sql("""
				UPDATE deliberation.convention_version SET adopted_at = :at
				 WHERE topic_id = :topic AND adopted_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("topic", topicId)
			.update() == 1;
	}

	public List<Version> versions(UUID estateId) {
		return jdbc.sql("""
				SELECT v.convention_id, v.version, v.text, v.topic_id, v.drafted_at, v.adopted_at
				  FROM deliberation.convention_version v JOIN deliberation.convention c ON c.id = v.convention_id
				 WHERE c.estate_id = :estate ORDER BY v.convention_id, v.version DESC""")
			.param("estate", estateId)
			.query((rs, n) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** Whether the estate has held a meeting or decided a topic: its residents' consultation (四个一). */
	public boolean consulted(UUID estateId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM deliberation.meeting WHERE estate_id = :estate AND state = 'HELD')
				    OR EXISTS (SELECT 1 FROM deliberation.topic WHERE estate_id = :estate AND decision_passed IS NOT NULL)""")
			.param("estate", estateId)
			.query(Boolean.class)
			.single();
	}

	/** The community of an estate that has bodies or conventions here, if it has any. */
	public Optional<UUID> communityOf(UUID estateId) {
		return jdbc.sql("""
				SELECT community_id FROM deliberation.body WHERE estate_id = :estate
				UNION SELECT community_id FROM deliberation.convention WHERE estate_id = :estate LIMIT 1""")
			.param("estate", estateId)
			.query(UUID.class)
			.optional();
	}
}
