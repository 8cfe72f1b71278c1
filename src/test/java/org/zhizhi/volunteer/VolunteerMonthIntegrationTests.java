package org.zhizhi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * A month of volunteering in a scope, as the command centre's report asks it: the activities that started in the month
 * and were not cancelled, the volunteers who served (checked out or approved), the minutes approved — and nothing of
 * another month, another community, or a cancelled activity. Only the volunteer desk reads it.
 */
@ZhizhiIntegrationTest
class VolunteerMonthIntegrationTests {

	private static final Instant JUNE = Instant.parse("2026-05-31T16:00:00Z");

	private static final Instant JULY = Instant.parse("2026-06-30T16:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VolunteerQueries queries;

	@Autowired
	OrgUnitQueries orgUnits;

	@Test
	void countsTheScopesActivitiesOfTheMonthTheirVolunteersAndApprovedMinutes() {
		ApiClient api = new ApiClient(port);
		OrgUnit dongcheng = orgUnits.bindingOf(api.orgUnitId("东城社区")).orElseThrow();
		OrgUnit other = orgUnits.bindingOf(api.orgUnitId("金银桥社区")).orElseThrow();
		Actor desk = new Actor(UUID.randomUUID(), "desk", "desk", Set.of(Role.COMMUNITY_STAFF), dongcheng.scope());
		VolunteerMonth before = queries.served(desk, JUNE, JULY);

		UUID team = team(dongcheng);
		UUID held = activity(team, dongcheng, "2026-06-06T01:00:00Z", "OPEN");
		part(held, "APPROVED", 90);
		part(held, "APPROVED", 60);
		part(held, "CHECKED_OUT", null);
		part(held, "ABSENT", null);
		UUID alsoHeld = activity(team, dongcheng, "2026-06-20T01:00:00Z", "OPEN");
		part(alsoHeld, "SIGNED_UP", null);
		part(activity(team, dongcheng, "2026-06-07T01:00:00Z", "CANCELLED"), "APPROVED", 45);
		part(activity(team, dongcheng, "2026-05-31T15:00:00Z", "OPEN"), "APPROVED", 30);
		UUID elsewhere = team(other);
		part(activity(elsewhere, other, "2026-06-06T01:00:00Z", "OPEN"), "APPROVED", 120);

		VolunteerMonth after = queries.served(desk, JUNE, JULY);
		assertThat(after.activities() - before.activities()).isEqualTo(2);
		assertThat(after.volunteers() - before.volunteers()).isEqualTo(3);
		assertThat(after.approvedMinutes() - before.approvedMinutes()).isEqualTo(150);

		Actor resident = new Actor(UUID.randomUUID(), "r", "r", Set.of(Role.RESIDENT), dongcheng.scope());
		assertThatThrownBy(() -> queries.served(resident, JUNE, JULY)).isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).category())
			.isEqualTo(DomainException.Category.FORBIDDEN);
	}

	private UUID team(OrgUnit unit) {
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO volunteer.team (id, org_unit_id, org_unit_name, scope_path, district_id, name, kind,
				                            leader_name, created_at)
				VALUES (:id, :unit, :unitName, :scope, :district, :name, 'OTHER', '队长', now())""")
			.param("id", id)
			.param("unit", unit.id())
			.param("unitName", unit.name())
			.param("scope", unit.scope().path())
			.param("district", districtOf(unit))
			.param("name", "月报核对队" + id.toString().substring(24))
			.update();
		return id;
	}

	private UUID activity(UUID team, OrgUnit unit, String startsAt, String state) {
		UUID id = Ids.newId();
		Instant start = Instant.parse(startsAt);
		jdbc.sql("""
				INSERT INTO volunteer.activity (id, team_id, scope_path, district_id, title, description, place, lat,
				                                lng, starts_at, ends_at, slots, organiser_id, organiser_name,
				                                code_secret, state, created_at)
				VALUES (:id, :team, :scope, :district, '楼道清理', '月报核对', '东城路', 29.38, 106.52, :start, :end, 10,
				        :organiser, '组织者', '\\x00'::bytea, :state, now())""")
			.param("id", id)
			.param("team", team)
			.param("scope", unit.scope().path())
			.param("district", districtOf(unit))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(start.plusSeconds(7200)))
			.param("organiser", UUID.randomUUID())
			.param("state", state)
			.update();
		return id;
	}

	private void part(UUID activity, String state, Integer minutes) {
		jdbc.sql("""
				INSERT INTO volunteer.participation (activity_id, person_id, person_name, state, queued_at, minutes)
				VALUES (:activity, :person, '志愿者', :state, now(), :minutes)""")
			.param("activity", activity)
			.param("person", UUID.randomUUID())
			.param("state", state)
			.param("minutes", minutes, java.sql.Types.INTEGER)
			.update();
	}

	private UUID districtOf(OrgUnit unit) {
		return org.zhizhi.shared.DataScope.districtOf(unit.scope().path());
	}
}
