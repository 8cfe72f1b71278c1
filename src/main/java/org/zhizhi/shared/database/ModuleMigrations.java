package org.zhizhi.shared.database;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Migrates every module's schema with its own Flyway history, found under {@code db/migration/<module>/}: one schema per
 * module, so each module numbers its migrations on its own and no module can collide with another's versions.
 * The platform's event publication registry has its schema (events) here too. Flyway is the only thing that creates
 * schema.
 */
@Component
class ModuleMigrations implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	private static final Pattern MODULE_FOLDER = Pattern.compile("db/migration/([a-z][a-z0-9]*)/V[^/]+\\.sql$");

	private final DataSource dataSource;

	ModuleMigrations(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		for (String module : modules()) {
			var result = Flyway.configure()
				.dataSource(dataSource)
				.schemas(module)
				.defaultSchema(module)
				.createSchemas(true)
				.locations("classpath:db/migration/" + module)
				.load()
				.migrate();
			if (result.migrationsExecuted > 0) {
				log.info("Schema {}: {} migration(s) applied, now at version {}", module, result.migrationsExecuted,
						result.targetSchemaVersion);
			}
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
