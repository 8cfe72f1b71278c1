package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V8 on a database that already holds unchecked meeting references (V5 and V6 had no foreign keys): a UNIT ref that
 * names no partner unit loses its id and keeps its name, a LIST_ITEM agenda entry that names no item becomes TEXT, and
 * the references that were right stay as they were.
 */
class MeetingRefsMigrationIntegrationTests {

	@Test
	void v8RepairsUncheckedReferencesAndKeepsTheRightOnes() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			flyway(postgres).target(MigrationVersion.fromVersion("7")).load().migrate();
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			UUID community = UUID.randomUUID();
			UUID partner = UUID.randomUUID();
			UUID item = UUID.randomUUID();
			jdbc.sql("insert into partnership.community_board values (?, '500113108003', '金银桥社区', ?, ?)")
				.params(community, "/" + UUID.randomUUID() + "/", UUID.randomUUID())
				.update();
			jdbc.sql("""
					insert into partnership.partner_unit (id, community_id, scope_path, district_id, name, type, created_at)
					values (?, ?, '/x/', ?, '木洞小学', 'SCHOOL', now())""")
				.params(partner, community, UUID.randomUUID())
				.update();
			jdbc.sql("""
					insert into partnership.list_item (id, community_id, scope_path, district_id, kind, title, category,
					  description, quantity, measure, period_start, period_end, status, published_at)
					values (?, ?, '/x/', ?, 'NEED', '需求', 'OTHER', '', 1, 'PEOPLE', current_date, current_date, 'OPEN', now())""")
				.params(item, community, UUID.randomUUID())
				.update();
			UUID meeting = UUID.randomUUID();
			jdbc.sql("""
					insert into partnership.joint_meeting (id, district_id, community_id, community_path, kind, title,
					  scheduled_at, state, created_by, created_at, updated_at)
					values (?, ?, ?, '/x/', 'QUARTERLY', '会', now(), 'PLANNED', ?, now(), now())""")
				.params(meeting, UUID.randomUUID(), community, UUID.randomUUID())
				.update();
			UUID stray = UUID.randomUUID();
			attendee(jdbc, meeting, "UNIT", partner, "木洞小学");
			attendee(jdbc, meeting, "UNIT", community, "金银桥社区");
			attendee(jdbc, meeting, "PERSON", stray, "张三");
			agenda(jdbc, meeting, 1, "LIST_ITEM", item, "需求");
			agenda(jdbc, meeting, 2, "LIST_ITEM", stray, "不存在的事项");
			agenda(jdbc, meeting, 3, "INCIDENT", stray, "事件");
			jdbc.sql("""
					insert into partnership.joint_meeting_decision (id, meeting_id, district_id, community_path, text,
					  owner_kind, owner_id, owner_name, due_on, created_by, created_at)
					values (?, ?, ?, '/x/', '决定', 'UNIT', ?, '外单位', current_date, ?, now())""")
				.params(UUID.randomUUID(), meeting, UUID.randomUUID(), stray, UUID.randomUUID())
				.update();

			assertThat(flyway(postgres).target(MigrationVersion.fromVersion("8")).load().migrate().migrationsExecuted)
				.isEqualTo(1);

			assertThat(jdbc.sql("select name, ref_id, partner_id from partnership.joint_meeting_attendee order by name")
				.query((rs, n) -> rs.getString(1) + "|" + rs.getObject(2) + "|" + rs.getObject(3))
				.list()).containsExactlyInAnyOrder("木洞小学|" + partner + "|" + partner, "金银桥社区|null|null",
						"张三|" + stray + "|null");
			assertThat(jdbc.sql("select position, kind, ref_id, list_item_id, title from partnership.joint_meeting_agenda_item order by position")
				.query((rs, n) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + rs.getObject(4) + "|"
						+ rs.getString(5))
				.list()).containsExactly("1|LIST_ITEM|" + item + "|" + item + "|需求", "2|TEXT|null|null|不存在的事项",
						"3|INCIDENT|" + stray + "|null|事件");
			assertThat(jdbc.sql("select owner_id, owner_name from partnership.joint_meeting_decision")
				.query((rs, n) -> rs.getObject(1) + "|" + rs.getString(2))
				.single()).isEqualTo("null|外单位");
		}
	}

	/** As {@code ModuleMigrations} runs the partnership schema. */
	private static FluentConfiguration flyway(EmbeddedPostgres postgres) {
		return Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.schemas("partnership")
			.defaultSchema("partnership")
			.createSchemas(true)
			.locations("classpath:db/migration/partnership");
	}

	private static void attendee(JdbcClient jdbc, UUID meeting, String kind, UUID ref, String name) {
		jdbc.sql("""
				insert into partnership.joint_meeting_attendee (id, meeting_id, kind, ref_id, name, present, recorded_by,
				  recorded_at)
				values (?, ?, ?, ?, ?, false, ?, now())""")
			.params(UUID.randomUUID(), meeting, kind, ref, name, UUID.randomUUID())
			.update();
	}

	private static void agenda(JdbcClient jdbc, UUID meeting, int position, String kind, UUID ref, String title) {
		jdbc.sql("""
				insert into partnership.joint_meeting_agenda_item (id, meeting_id, position, kind, ref_id, title,
				  created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, now())""")
			.params(UUID.randomUUID(), meeting, position, kind, ref, title, UUID.randomUUID())
			.update();
	}
}
