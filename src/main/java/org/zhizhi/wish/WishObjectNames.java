package org.zhizhi.wish;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;

/** Micro-wishes by their title (what the wall shows, never the person), for the audit trail. */
@Component
class WishObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	WishObjectNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, title FROM wish.wish WHERE id = ANY(:ids) AND scope_path LIKE :scope")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName("wish", rs.getString("title")));
			});
		return names;
	}
}
