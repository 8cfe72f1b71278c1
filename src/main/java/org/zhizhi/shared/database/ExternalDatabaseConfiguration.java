package org.zhizhi.shared.database;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An external PostgreSQL ({@code spring.datasource.url} set): the platform connects as {@code spring.datasource.username},
 * and the migrations as {@code zhizhi.database.migration.username}, the role that owns the schemas — the SQL an
 * operator runs once to create both is in {@code docs/operations.md}. Without a migration role the migrations use the
 * platform's own connection, as before (a warning says the roles are not separated).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabaseConfiguration {

	@Bean
	MigrationConnection migrationConnection(Environment environment, DataSource platform) {
		String owner = environment.getProperty("zhizhi.database.migration.username", "");
		if (owner.isBlank()) {
			return new MigrationConnection(platform, false, null);
		}
		DriverManagerDataSource migrations = new DriverManagerDataSource(
				environment.getRequiredProperty("spring.datasource.url"), owner,
				environment.getProperty("zhizhi.database.migration.password", ""));
		return new MigrationConnection(migrations, false, environment.getRequiredProperty("spring.datasource.username"));
	}
}
