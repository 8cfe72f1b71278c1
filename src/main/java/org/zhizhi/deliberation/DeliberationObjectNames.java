package org.zhizhi.deliberation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;

/** Residents' topics and deliberation meetings by their titles, for the audit trail. */
@Component
class DeliberationObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	DeliberationObjectNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT id, 'topic' AS kind, title FROM deliberation.topic WHERE id = ANY(:ids) AND scope_path LIKE :scope
				UNION ALL
				SELECT id, 'deliberationMeeting', title FROM deliberation.meeting
				 WHERE id = ANY(:ids) AND scope_path LIKE :scope""")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName(rs.getString("kind"), rs.getString("title")));
			});
		return names;
	}
}
