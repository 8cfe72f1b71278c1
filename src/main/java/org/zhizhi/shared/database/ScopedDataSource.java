package org.zhizhi.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhizhi.shared.Actor;

/**
 * Hands every connection the scope of whoever is signed in on this thread ({@code zhizhi.scope}, the LIKE pattern of
 * his {@code DataScope}), which the row-level security policies of the personal-data and incident tables compare
 * with each row — a second wall behind the scope predicate every query binds. The setting is made on every checkout,
 * so a pooled connection never keeps the scope of the request that used it before; the platform's own work (no one
 * signed in) gets the empty scope, which the policies leave to the application's predicates.
 */
class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

	ScopedDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	/** Closes the pool behind it, as the container would have closed the pool itself. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private static Connection scoped(Connection connection) throws SQLException {
		try (PreparedStatement set = connection.prepareStatement("SELECT set_config('zhizhi.scope', ?, false)")) {
			set.setString(1, currentScope());
			set.execute();
		}
		catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
		return connection;
	}

	/** The signed-in person's scope as a LIKE pattern, or empty. */
	static String currentScope() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor actor
				? actor.scope().likePattern() : "";
	}
}
