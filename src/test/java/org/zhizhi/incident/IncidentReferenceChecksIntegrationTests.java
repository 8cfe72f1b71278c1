package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * What stands in for the foreign keys into the partitioned incident table (incident V18, V21): a timeline entry must
 * name an incident of its own district — checked once per statement, so every row of a many-row insert is checked
 * and one bad row refuses them all — and an incident's duplicate_of must name an incident, while a report without
 * one no longer runs the check at all. Every write here is rolled back or refused: the demo district stays as it was.
 */
@ZhizhiIntegrationTest
class IncidentReferenceChecksIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private record Known(UUID id, UUID districtId, UUID reporterId) {
	}

	@Test
	void aTimelineEntryNamingNoIncidentIsRefused() {
		Known known = anIncident();

		assertThatThrownBy(() -> append(List.of(UUID.randomUUID()), known.districtId(), known.reporterId()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names no incident of district");
	}

	@Test
	void anEntryNamingAnIncidentOfAnotherDistrictIsRefused() {
		Known known = anIncident();
		UUID otherDistrict = jdbc.sql("""
				select id from territory.org_unit where level = 'DISTRICT' and id <> :d order by id limit 1""")
			.param("d", known.districtId())
			.query(UUID.class)
			.single();
		// the other district has its partition, so the row is routed there and only the check can refuse it
		assertThatThrownBy(() -> append(List.of(known.id()), otherDistrict, known.reporterId()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(known.id().toString());
	}

	@Test
	void oneBadRowOfAManyRowInsertRefusesTheWholeStatement() {
		Known known = anIncident();
		UUID missing = UUID.randomUUID();
		int before = entriesOf(known.id());

		assertThatThrownBy(() -> append(List.of(known.id(), missing, known.id()), known.districtId(),
				known.reporterId()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(missing.toString());
		assertThat(entriesOf(known.id())).isEqualTo(before);
	}

	@Test
	void entriesNamingTheirIncidentsAreWrittenAllAtOnce() {
		Known known = anIncident();
		int before = entriesOf(known.id());

		transactions.executeWithoutResult(status -> {
			append(List.of(known.id(), known.id(), known.id()), known.districtId(), known.reporterId());
			assertThat(entriesOf(known.id())).isEqualTo(before + 3);
			status.setRollbackOnly();
		});
		assertThat(entriesOf(known.id())).isEqualTo(before);
	}

	@Test
	void aDuplicateOfNoIncidentIsRefusedAndOfAnIncidentAccepted() {
		Known known = anIncident();
		Known other = jdbc.sql("""
				select id, district_id, reporter_id from incident.incident where id <> :id order by id limit 1""")
			.param("id", known.id())
			.query(Known.class)
			.single();

		assertThatThrownBy(() -> markDuplicate(known, UUID.randomUUID()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("names no incident");
		transactions.executeWithoutResult(status -> {
			markDuplicate(known, other.id());
			status.setRollbackOnly();
		});
	}

	private Known anIncident() {
		return jdbc.sql("select id, district_id, reporter_id from incident.incident order by id limit 1")
			.query(Known.class)
			.single();
	}

	private void append(List<UUID> incidents, UUID district, UUID actor) {
		jdbc.sql("""
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, to_state, district_id)
				select gen_random_uuid(), i, now(), :actor, '检查', 'GRID_WORKER', 'NOTE', 'REPORTED', :district
				  from unnest(:incidents) as i""")
			.param("incidents", incidents.toArray(UUID[]::new))
			.param("district", district)
			.param("actor", actor)
			.update();
	}

	private void markDuplicate(Known incident, UUID of) {
		jdbc.sql("update incident.incident set duplicate_of = :of where id = :id and district_id = :d")
			.param("of", of)
			.param("id", incident.id())
			.param("d", incident.districtId())
			.update();
	}

	private int entriesOf(UUID incident) {
		return jdbc.sql("select count(*) from incident.timeline_entry where incident_id = :id")
			.param("id", incident)
			.query(Integer.class)
			.single();
	}
}
