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

	/**
	 * Set while the scope is being found: asking Spring Security for the signed-in person may load the web session —
	 * from this very database — and that load must not ask again (each asking would hold a connection of the pool).
	 */
	private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> Boolean.FALSE);

	@Override
	public Connection getConnection() throws SQLException {
		// the scope first: a session it loads takes and returns its own connection before this one is taken
		String scope = currentScope();
		return scoped(super.getConnection(), scope);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		String scope = currentScope();
		return scoped(super.getConnection(username, password), scope);
	}

	/** Closes the pool behind it, as the container would have closed the pool itself. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private static Connection scoped(Connection connection, String scope) throws SQLException {
		try (PreparedStatement set = connection.prepareStatement("SELECT set_config('zhizhi.scope', ?, false)")) {
			set.setString(1, scope);
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
		if (RESOLVING.get()) {
			return ""; // the session's own tables, read to find the person: no policy on them
		}
		RESOLVING.set(Boolean.TRUE);
		try {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.getPrincipal() instanceof Actor actor
					? actor.scope().likePattern() : "";
		}
		finally {
			RESOLVING.set(Boolean.FALSE);
		}
	}
}
