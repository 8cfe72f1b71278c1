package org.zhizhi.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;

/** Accounts by the name they are shown under (东城社区工作站), for the audit trail; only those in the asker's scope. */
@Component
class AccountObjectNames implements ObjectNames {

	private final JdbcClient jdbc;

	AccountObjectNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT id, display_name FROM identity.account
				WHERE id = ANY(:ids) AND scope_path LIKE :scope""")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), new ObjectName("account", rs.getString("display_name")));
			});
		return names;
	}
}
