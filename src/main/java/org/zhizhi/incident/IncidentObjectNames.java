package org.zhizhi.incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.SqlObjectNames;

/**
 * Incidents by their category (占道经营), for the audit trail: the description is the reporter's own words and may
 * name people, so it stays out of the trail; the id, kept for the mouse, opens the incident itself.
 */
@Component
class IncidentObjectNames extends SqlObjectNames {

	IncidentObjectNames(JdbcClient jdbc) {
		super(jdbc, """
				SELECT i.id, 'incident' AS kind, c.name
				  FROM incident.incident i JOIN incident.category c ON c.code = i.category_code
				 WHERE i.id = ANY(:ids) AND i.scope_path LIKE :scope""");
	}
}
