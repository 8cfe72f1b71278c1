package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 11, defect 11: the platform's own connection is an ordinary role that reads and writes rows — it is not the
 * superuser, owns nothing, cannot change the schema or switch the audit trail's trigger off, and cannot change or
 * remove an audit entry by privilege; the migrations ran as the owner role.
 */
@ZhizhiIntegrationTest
class DatabaseRolesIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void thePlatformConnectsAsARoleThatIsNeitherSuperuserNorOwner() {
		assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APP);
		assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
				+ "WHERE rolname = current_user", Boolean.class)).isFalse();
		assertThat(jdbc.queryForObject("""
				SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE pg_get_userbyid(c.relowner) = current_user""", Long.class)).as("tables it owns").isZero();
		assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = "
				+ "'identity.audit_entry'::regclass", String.class)).isEqualTo(DatabaseRoles.OWNER);
		assertThat(jdbc.queryForObject("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'incident'",
				String.class)).isEqualTo(DatabaseRoles.OWNER);
	}

	@Test
	void itCannotChangeTheSchemaNorSwitchTheAuditTriggerOff() {
		for (String ddl : new String[] {
				"ALTER TABLE identity.audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete",
				"DROP TRIGGER audit_entry_no_update_or_delete ON identity.audit_entry",
				"DROP TABLE identity.audit_entry", "ALTER TABLE incident.incident ADD COLUMN x int",
				"CREATE TABLE incident.sneaky (id int)", "CREATE SCHEMA sneaky", "CREATE ROLE sneaky" }) {
			assertThatThrownBy(() -> jdbc.execute(ddl)).as(ddl).isInstanceOf(DataAccessException.class);
		}
		assertThatThrownBy(() -> jdbc.execute("DELETE FROM identity.flyway_schema_history"))
			.isInstanceOf(DataAccessException.class)
			.rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void itReadsAndWritesRowsAndAppendsToTheAuditTrail() {
		long before = jdbc.queryForObject("SELECT count(*) FROM identity.audit_entry", Long.class);
		assertThat(before).isPositive();
		UUID key = UUID.randomUUID();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM incident.incident", Long.class)).isPositive();
		assertThatThrownBy(() -> jdbc.update("UPDATE identity.audit_entry SET detail = 'x' WHERE id = ?", key))
			.rootCause().hasMessageContaining("permission denied");
	}
}
