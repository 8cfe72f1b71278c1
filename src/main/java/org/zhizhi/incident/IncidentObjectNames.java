package org.zhizhi.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;

/**
 * Incidents by their category (占道经营), for the audit trail: the description is the reporter's own words and may
 * name people, so it stays out of the trail; the id, kept for the mouse, opens the incident itself.
 */
@Component
class IncidentObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	IncidentObjectNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT i.id, c.name FROM incident.incident i JOIN incident.category c ON c.code = i.category_code
				WHERE i.id = ANY(:ids) AND i.scope_path LIKE :scope""")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName("incident", rs.getString("name")));
			});
		return names;
	}
}
