package org.zhizhi.command.sentinel.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.SqlObjectNames;

/** Alerts by their subject (an estate, a grid, a building; an elder masked as the alert shows him), for the audit trail. */
@Component
class AlertObjectNames extends SqlObjectNames {

	AlertObjectNames(JdbcClient jdbc) {
		super(jdbc, "command.alert", "subject_name", "alert");
	}
}
