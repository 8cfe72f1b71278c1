package org.zhizhi.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V7 and V8 on a database that already holds people in two districts: every row stays, under its id, in the table as
 * it was, now the partition of exactly those two districts (attached without a scan, proven by V7's validated check);
 * the accounts bound before are in resident_account; a district created afterwards gets partitions of its own, and a
 * resident moves there from the old table with his account.
 */
class PeoplePartitioningMigrationIntegrationTests {

	private static final UUID A = UUID.fromString("0190c2a0-0000-7000-8000-00000000000a");

	private static final UUID B = UUID.fromString("0190c2a0-0000-7000-8000-00000000000b");

	private static final UUID C = UUID.fromString("0190c2a0-0000-7000-8000-00000000000c");

	@Test
	void v7AndV8PartitionTheTablesAsTheyAreAndKeepEveryRow() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			flyway(postgres).target(MigrationVersion.fromVersion("6")).load().migrate();
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			UUID account = UUID.randomUUID();
			UUID moving = resident(jdbc, household(jdbc, A), A, account);
			UUID stays = resident(jdbc, household(jdbc, A), A, null);
			UUID other = resident(jdbc, household(jdbc, B), B, null);

			assertThat(flyway(postgres).target(MigrationVersion.fromVersion("8")).load().migrate().migrationsExecuted)
				.isEqualTo(2);

			for (String table : List.of("household", "resident", "resident_version", "household_event",
					"ledger_role")) {
				assertThat(jdbc.sql("SELECT c.relkind::text FROM pg_class c WHERE c.oid = CAST(:t AS regclass)")
					.param("t", "people." + table).query(String.class).single()).as(table).isEqualTo("p");
				String bound = jdbc.sql("""
						SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
						 WHERE i.inhparent = CAST(:t AS regclass)""")
					.param("t", "people." + table)
					.query(String.class)
					.single();
				assertThat(bound).as(table).contains(A.toString(), B.toString());
			}
			assertThat(jdbc.sql("SELECT id FROM people.resident ORDER BY id").query(UUID.class).list())
				.containsExactlyInAnyOrder(moving, stays, other);
			assertThat(jdbc.sql("SELECT count(*) FROM people.resident_version").query(Long.class).single())
				.isEqualTo(3);
			assertThat(jdbc.sql("SELECT count(*) FROM people.ledger_role").query(Long.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("SELECT resident_id FROM people.resident_account WHERE account_id = :a")
				.param("a", account).query(UUID.class).single()).isEqualTo(moving);

			// a district created afterwards: partitions of its own, and a resident moves there with his account
			assertThat(jdbc.sql("SELECT people.add_district_partitions(:d)").param("d", C).query(Integer.class)
				.single()).isEqualTo(5);
			UUID household = jdbc.sql("SELECT household_id FROM people.resident WHERE id = :id").param("id", moving)
				.query(UUID.class).single();
			jdbc.sql("UPDATE people.household SET district_id = :c WHERE id = :h").param("c", C).param("h", household)
				.update();
			jdbc.sql("UPDATE people.resident SET district_id = :c WHERE id = :id").param("c", C).param("id", moving)
				.update();
			assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM people.resident WHERE id = :id")
				.param("id", moving).query(String.class).single()).isEqualTo("people.resident_" + hex(C));
			assertThat(jdbc.sql("SELECT district_id FROM people.resident_account WHERE account_id = :a")
				.param("a", account).query(UUID.class).single()).isEqualTo(C);
			// and stays the only one with it, whichever partition the other is in
			assertThatThrownBy(() -> jdbc.sql("UPDATE people.resident SET account_id = :a WHERE id = :id")
				.param("a", account).param("id", other).update()).isInstanceOf(DuplicateKeyException.class);
			// the foreign keys' work is the triggers': a version of a resident the district does not hold is refused
			assertThatThrownBy(() -> version(jdbc, stays, 2, C)).isInstanceOf(DataIntegrityViolationException.class);
			version(jdbc, moving, 2, C);
			assertThat(jdbc.sql("SELECT count(*) FROM people.resident_version WHERE resident_id = :id")
				.param("id", moving).query(Long.class).single()).isEqualTo(2);
		}
	}

	/** As {@code ModuleMigrations} runs the people schema. */
	private static FluentConfiguration flyway(EmbeddedPostgres postgres) {
		return Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.schemas("people")
			.defaultSchema("people")
			.createSchemas(true)
			.locations("classpath:db/migration/people")
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
	}

	private static UUID household(JdbcClient jdbc, UUID district) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO people.household (id, dwelling_id, dwelling_label, building_id, grid_id, micro_grid_id,
				       registered, tenure, moved_in, scope_path, district_id, created_at)
				VALUES (:id, gen_random_uuid(), '1-101', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), true,
				        'OWNER', DATE '2020-01-01', :path, :d, now())""")
			.param("id", id)
			.param("path", "/city/" + district + "/")
			.param("d", district)
			.update();
		jdbc.sql("""
				INSERT INTO people.household_event (id, household_id, kind, occurred_on, scope_path, district_id,
				       recorded_at)
				VALUES (gen_random_uuid(), :h, 'MOVED_IN', DATE '2020-01-01', :path, :d, now())""")
			.param("h", id)
			.param("path", "/city/" + district + "/")
			.param("d", district)
			.update();
		return id;
	}

	private static UUID resident(JdbcClient jdbc, UUID household, UUID district, UUID account) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO people.resident (id, household_id, name, gender, birth_date, id_card_cipher, id_card_hash,
				       id_card_masked, relation, building_id, grid_id, scope_path, district_id, version, updated_at,
				       account_id)
				VALUES (:id, :h, '张三', 'MALE', DATE '1980-01-01', '\\x00', gen_random_uuid()::text::bytea, '5001**',
				        'HEAD', gen_random_uuid(), gen_random_uuid(), :path, :d, 1, now(), :a)""")
			.param("id", id)
			.param("h", household)
			.param("path", "/city/" + district + "/")
			.param("d", district)
			.param("a", account)
			.update();
		version(jdbc, id, 1, district);
		jdbc.sql("""
				INSERT INTO people.ledger_role (id, resident_id, role, started_on, scope_path, district_id, recorded_at)
				VALUES (gen_random_uuid(), :r, 'VOLUNTEER', DATE '2021-01-01', :path, :d, now())""")
			.param("r", id)
			.param("path", "/city/" + district + "/")
			.param("d", district)
			.update();
		return id;
	}

	private static void version(JdbcClient jdbc, UUID resident, int version, UUID district) {
		jdbc.sql("""
				INSERT INTO people.resident_version (resident_id, version, reason, household_id, name, gender,
				       birth_date, id_card_cipher, id_card_hash, relation, tags, active, scope_path, district_id,
				       recorded_at)
				VALUES (:r, :v, 'CREATED', gen_random_uuid(), '张三', 'MALE', DATE '1980-01-01', '\\x00', '\\x00',
				        'HEAD', '{}', true, :path, :d, now())""")
			.param("r", resident)
			.param("v", version)
			.param("path", "/city/" + district + "/")
			.param("d", district)
			.update();
	}

	private static String hex(UUID id) {
		return id.toString().replace("-", "");
	}
}
