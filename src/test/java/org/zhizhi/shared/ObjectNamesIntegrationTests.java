package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.ObjectNames.ObjectName;

/**
 * Every module's {@link ObjectNames} as the audit trail asks them (all of them, for one set of ids): each object of
 * the demo district is named by the column its module shows, with its kind, to an asker whose scope holds it — and to
 * nobody outside. The expected name is read here straight from the module's table, so the test holds each namer to
 * its table, column, kind and scope rule, whichever way the namer is written.
 */
@ZhizhiIntegrationTest
class ObjectNamesIntegrationTests {

	/** A scope that holds nothing of the demo district. */
	private static final DataScope ELSEWHERE = new DataScope(UUID.randomUUID(), "/" + UUID.randomUUID() + "/");

	@Autowired
	List<ObjectNames> namers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void namesAnAccountByItsDisplayName() {
		namedInScopeOnly("account", "SELECT id, display_name AS name, scope_path AS path FROM identity.account");
	}

	@Test
	void namesAnIncidentByItsCategoryNotItsDescription() {
		namedInScopeOnly("incident", """
				SELECT i.id, c.name, i.scope_path AS path
				  FROM incident.incident i JOIN incident.category c ON c.code = i.category_code""");
	}

	@Test
	void namesAWishByItsTitle() {
		namedInScopeOnly("wish", "SELECT id, title AS name, scope_path AS path FROM wish.wish");
	}

	@Test
	void namesATopicAndADeliberationMeetingByTheirTitles() {
		namedInScopeOnly("topic", "SELECT id, title AS name, scope_path AS path FROM deliberation.topic");
		namedInScopeOnly("deliberationMeeting",
				"SELECT id, title AS name, scope_path AS path FROM deliberation.meeting");
	}

	@Test
	void namesPartnershipObjectsByWhatTheDeskShows() {
		namedInScopeOnly("jointMeeting",
				"SELECT id, title AS name, community_path AS path FROM partnership.joint_meeting");
		namedInScopeOnly("partner", "SELECT id, name, scope_path AS path FROM partnership.partner_unit");
		namedInScopeOnly("listItem", "SELECT id, title AS name, scope_path AS path FROM partnership.list_item");
	}

	@Test
	void namesAnAlertByItsSubject() {
		// the demo's sentinel signals raise alerts in the demo district
		namedInScopeOnly("alert", "SELECT id, subject_name AS name, scope_path AS path FROM command.alert");
	}

	@Test
	void namesALongDecisionByItsBeginning() {
		Map<String, Object> meeting = jdbc
			.sql("SELECT id, district_id, community_path FROM partnership.joint_meeting LIMIT 1")
			.query()
			.singleRow();
		String community = (String) meeting.get("community_path");
		String wording = "东城公租房增设电动车充电桩，".repeat(6);
		UUID decision = jdbc.sql("""
				INSERT INTO partnership.joint_meeting_decision (id, meeting_id, district_id, community_path, text,
				  owner_kind, owner_name, due_on, created_by, created_at)
				VALUES (gen_random_uuid(), :meeting, :district, :path, :text, 'PERSON', '王芳', DATE '2026-07-01',
				  gen_random_uuid(), now()) RETURNING id""")
			.param("meeting", meeting.get("id"))
			.param("district", meeting.get("district_id"))
			.param("path", community)
			.param("text", wording)
			.query(UUID.class)
			.single();

		try {
			assertThat(namesOf(decision, new DataScope(UUID.randomUUID(), community)))
				.isEqualTo(new ObjectName("decision", wording.substring(0, 59) + "…"));
			assertThat(namesOf(decision, ELSEWHERE)).isNull();
		}
		finally {
			// the meeting is the demo's: other tests count its decisions
			jdbc.sql("DELETE FROM partnership.joint_meeting_decision WHERE id = :id").param("id", decision).update();
		}
	}

	@Test
	void namesAPartnerUnitToAnAskerInsideTheUnitsOwnScope() {
		Map<String, Object> unit = jdbc.sql("SELECT id, name, scope_path FROM partnership.partner_unit LIMIT 1")
			.query()
			.singleRow();
		String below = unit.get("scope_path") + UUID.randomUUID().toString() + "/";
		assertThat(namesOf((UUID) unit.get("id"), new DataScope(UUID.randomUUID(), below)))
			.isEqualTo(new ObjectName("partner", (String) unit.get("name")));
	}

	/** One row of the query (id, name, path): named as the module shows it inside its path, unknown elsewhere. */
	private void namedInScopeOnly(String kind, String query) {
		Map<String, Object> row = jdbc.sql(query + " LIMIT 1").query().singleRow();
		UUID id = (UUID) row.get("id");
		DataScope holding = new DataScope(UUID.randomUUID(), (String) row.get("path"));
		assertThat(namesOf(id, holding)).as(kind).isEqualTo(new ObjectName(kind, (String) row.get("name")));
		assertThat(namesOf(id, ELSEWHERE)).as(kind + " outside the scope").isNull();
	}

	private ObjectName namesOf(UUID id, DataScope scope) {
		Map<UUID, ObjectName> found = new HashMap<>();
		namers.forEach(namer -> found.putAll(namer.namesOf(Set.of(id), scope)));
		return found.get(id);
	}
}
