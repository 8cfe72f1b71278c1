package org.zhizhi.shared.database;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates every module's schema with its own Flyway history, found under {@code db/migration/<module>/}: one schema per
 * module, so each module numbers its migrations on its own and no module can collide with another's versions.
 * The platform's event publication registry has its schema (events) here too. Flyway is the only thing that creates
 * schema, and it runs as the owner role on a connection of its own; the platform's role is then granted the rows
 * ({@link DatabaseRoles}).
 */
@Component
class ModuleMigrations implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	private static final Pattern MODULE_FOLDER = Pattern.compile("db/migration/([a-z][a-z0-9]*)/V[^/]+\\.sql$");

	private final MigrationConnection connection;

	ModuleMigrations(MigrationConnection connection) {
		this.connection = connection;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		Set<String> modules = modules();
		JdbcTemplate jdbc = new JdbcTemplate(connection.dataSource());
		if (connection.superuser()) {
			DatabaseRoles.prepare(jdbc, modules);
		}
		for (String module : modules) {
			var result = Flyway.configure()
				.dataSource(connection.dataSource())
				// what a migration creates belongs to the owner role, not to the superuser that connected
				.initSql(connection.superuser() ? "SET ROLE " + DatabaseRoles.OWNER : null)
				.schemas(module)
				.defaultSchema(module)
				.createSchemas(true)
				.locations("classpath:db/migration/" + module)
				// a session-level lock for the migration run: the transactional one keeps a transaction open while the
				// migrations run, and CREATE INDEX CONCURRENTLY (incident/V17) waits for every open transaction to end
				.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
				.load()
				.migrate();
			if (result.migrationsExecuted > 0) {
				log.info("Schema {}: {} migration(s) applied, now at version {}", module, result.migrationsExecuted,
						result.targetSchemaVersion);
			}
		}
		if (connection.appRole() != null) {
			DatabaseRoles.grant(jdbc, modules, connection.appRole());
		}
		else {
			log.warn("The platform connects as the role that owns its schemas: set zhizhi.database.migration.username "
					+ "(and password) to migrate as the owner and connect as a role that only reads and writes rows "
					+ "(docs/operations.md)");
		}
	}

	static Set<String> modules() throws IOException {
		Set<String> modules = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/*/V*.sql")) {
			Matcher matcher = MODULE_FOLDER.matcher(resource.getURL().toString());
			if (matcher.find()) {
				modules.add(matcher.group(1));
			}
		}
		return modules;
	}
}
