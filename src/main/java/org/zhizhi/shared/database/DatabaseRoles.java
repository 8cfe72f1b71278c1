package org.zhizhi.shared.database;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two PostgreSQL roles of an installation (issue 11, defect 11: the platform used to connect as the superuser, so
 * its own connection could drop the audit chain's triggers): {@link #OWNER} owns every module schema and its objects
 * and is what the migrations run as; {@link #APP} is what the platform connects as — it reads and writes rows of the
 * module schemas and nothing else: no DDL, no owner's rights, no UPDATE, DELETE or TRUNCATE on the audit trail.
 * Everything here is idempotent and runs at every start, so a table a new migration adds is granted at once.
 */
final class DatabaseRoles {

	static final String OWNER = "zhizhi_owner";

	static final String APP = "zhizhi_app";

	/** The audit trail: the app role appends and reads, and can never change or remove an entry. */
	static final String AUDIT_TABLE = "identity.audit_entry";

	private DatabaseRoles() {
	}

	/**
	 * As the superuser of the embedded server: both roles, and every object of the module schemas made the owner's —
	 * also those an earlier release created as the superuser — so that the migrations can run as the owner.
	 */
	static void prepare(JdbcTemplate superuser, Collection<String> schemas) {
		createRoles(superuser);
		for (String schema : schemas) {
			adopt(superuser, schema);
		}
	}

	/** Both roles, if the server does not have them yet; the owner may create the module schemas. */
	static void createRoles(JdbcTemplate superuser) {
		superuser.execute("""
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
				    CREATE ROLE %1$s NOLOGIN;
				  END IF;
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
				    CREATE ROLE %2$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
				  END IF;
				END $$""".formatted(OWNER, APP));
		superuser.execute("GRANT CREATE ON DATABASE " + quoted(superuser.queryForObject("SELECT current_database()",
				String.class)) + " TO " + OWNER);
	}

	/** An existing schema and every table, sequence and view in it handed to the owner. */
	private static void adopt(JdbcTemplate superuser, String schema) {
		if (superuser.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class,
				schema) == 0) {
			return;
		}
		superuser.execute("ALTER SCHEMA " + schema + " OWNER TO " + OWNER);
		List<String> objects = superuser.queryForList("""
				SELECT format('ALTER %s %I.%I OWNER TO %I',
				              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
				              n.nspname, c.relname, ?)
				  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner
				 WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'S', 'v') AND r.rolname <> ?""", String.class, OWNER,
				schema, OWNER);
		objects.forEach(superuser::execute);
		List<String> functions = superuser.queryForList("""
				SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, ?)
				  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_roles r ON r.oid = p.proowner
				 WHERE n.nspname = ? AND r.rolname <> ?""", String.class, OWNER, schema, OWNER);
		functions.forEach(superuser::execute);
	}

	/** As the owner, after the migrations: the app role's rows, and the audit trail append-only by privilege. */
	static void grant(JdbcTemplate owner, Collection<String> schemas, String appRole) {
		for (String schema : schemas) {
			String app = quoted(appRole);
			owner.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
			// TRUNCATE too: derived tables (the KPI rollups) are emptied and rebuilt in one go
			owner.execute("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA " + schema + " TO "
					+ app);
			owner.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + app);
			// the migrations' own record is nothing the platform writes
			owner.execute("REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + app);
		}
		owner.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + AUDIT_TABLE + " FROM " + quoted(appRole));
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}
}
