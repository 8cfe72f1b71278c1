package org.zhizhi.shared.database;

import javax.sql.DataSource;

/**
 * Where the migrations connect, separate from the platform's own pool: the embedded server's superuser (who creates the
 * roles and runs each migration as {@link DatabaseRoles#OWNER}), an external database's owner role
 * ({@code zhizhi.database.migration.username}), or — an external database configured the old way — the platform's
 * own connection, with the roles not separated.
 *
 * @param superuser whether the connection may create roles and must take the owner's role to migrate
 * @param appRole the role the platform connects as, granted its rows after the migrations; null: nothing to grant
 */
record MigrationConnection(DataSource dataSource, boolean superuser, String appRole) {
}
