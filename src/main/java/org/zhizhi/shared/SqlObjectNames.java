package org.zhizhi.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's {@link ObjectNames} answered by one SELECT of its own tables: each module says where its names are
 * (which table, which column, which kind, which scope rule) and this asks them the one way every module did. A
 * module's namer extends it, as a bean of that module, so that the SQL stays with the module that owns the tables.
 */
public abstract class SqlObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	private final String select;

	/**
	 * @param select rows {@code (id, kind, name)} of the asked ids ({@code :ids}, a {@code uuid[]}) that the asker
	 * may see: {@code :scope} is his scope's LIKE pattern, {@code :path} his node's own path (for objects that serve
	 * the nodes below theirs)
	 */
	protected SqlObjectNames(JdbcClient jdbc, String select) {
		this.jdbc = jdbc;
		this.select = select;
	}

	/**
	 * One table's objects, all of one kind, named by one column and seen by the askers whose scope holds their
	 * {@code scope_path}. The table, column and kind are the module's constants, never input: they are written into
	 * the statement, and only the ids and the scope are bound.
	 */
	protected SqlObjectNames(JdbcClient jdbc, String table, String nameColumn, String kind) {
		this(jdbc, "SELECT id, '" + kind + "' AS kind, " + nameColumn + " AS name FROM " + table
				+ " WHERE id = ANY(:ids) AND scope_path LIKE :scope");
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql(select)
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName(rs.getString("kind"), rs.getString("name")));
			});
		return names;
	}
}
