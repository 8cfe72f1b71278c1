package org.zhizhi.command.sentinel.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;

/** Alerts by their subject (an estate, a grid, a building; an elder masked as the alert shows him), for the audit trail. */
@Component
class AlertObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	AlertObjectNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, subject_name FROM command.alert WHERE id = ANY(:ids) AND scope_path LIKE :scope")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName("alert", rs.getString("subject_name")));
			});
		return names;
	}
}
