package org.zhizhi.deliberation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.SqlObjectNames;

/** Residents' topics and deliberation meetings by their titles, for the audit trail. */
@Component
class DeliberationObjectNames extends SqlObjectNames {

	DeliberationObjectNames(JdbcClient jdbc) {
		super(jdbc, """
				SELECT id, 'topic' AS kind, title AS name FROM deliberation.topic
				 WHERE id = ANY(:ids) AND scope_path LIKE :scope
				UNION ALL
				SELECT id, 'deliberationMeeting', title FROM deliberation.meeting
				 WHERE id = ANY(:ids) AND scope_path LIKE :scope""");
	}
}
