package org.zhizhi.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The default database: a real PostgreSQL server started by the application itself, so that a newcomer needs nothing
 * but a JDK. Its files live under {@code ${zhizhi.data-dir}/postgres} and survive restarts. Setting
 * {@code spring.datasource.url} switches this off and Spring Boot connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
		boolean ephemeral = environment.getProperty("zhizhi.database.embedded.ephemeral", Boolean.class, false);
		Path dataDirectory = ephemeral ? Files.createTempDirectory("zhizhi-pg-")
				: Path.of(environment.getProperty("zhizhi.data-dir", "./data")).toAbsolutePath().normalize()
					.resolve("postgres");
		Files.createDirectories(dataDirectory.getParent());
		if (!ephemeral) {
			OrphanedPostgres.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
		}
		log.info("Starting the embedded PostgreSQL with its data in {}", dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(ephemeral)
			.setPGStartupWait(Duration.ofSeconds(60))
			// stopped by this bean's close, after everything that uses it (Spring closes the context from its own
			// shutdown hook): with the library's own hook as well, PostgreSQL went down at the same moment, and the event
			// publication registry, which looks up what is left undelivered as it closes, waited 30 s for a connection
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "60")
			// the library's defaults are for throw-away test databases (fsync off); this one holds real data
			.setServerConfig("fsync", ephemeral ? "off" : "on")
			.setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
			.setServerConfig("full_page_writes", ephemeral ? "off" : "on")
			.setLocaleConfig("encoding", "UTF8");
		// e.g. pg_stat_statements, for bench/intake-vs-raw.sh's statement profile; loaded only at the server's start
		String preload = environment.getProperty("zhizhi.database.embedded.shared-preload-libraries");
		if (preload != null && !preload.isBlank()) {
			builder.setServerConfig("shared_preload_libraries", preload);
		}
		EmbeddedPostgres postgres = builder.start();
		// before any pool connects as the platform's role
		DatabaseRoles.createRoles(new JdbcTemplate(postgres.getPostgresDatabase()));
		return postgres;
	}

	/** The migrations connect as the embedded server's superuser, create the roles and migrate as the owner. */
	@Bean
	MigrationConnection migrationConnection(EmbeddedPostgres postgres) {
		return new MigrationConnection(postgres.getPostgresDatabase(), true, DatabaseRoles.APP);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
		HikariConfig config = new HikariConfig();
		// the platform's own role: rows of its schemas, nothing more (DatabaseRoles); the superuser only migrates
		config.setJdbcUrl(postgres.getJdbcUrl(DatabaseRoles.APP, "postgres"));
		config.setUsername(DatabaseRoles.APP);
		config.setMaximumPoolSize(environment.getProperty("zhizhi.database.pool-size", Integer.class, 10));
		config.setPoolName("zhizhi-embedded");
		return new HikariDataSource(config);
	}
}
