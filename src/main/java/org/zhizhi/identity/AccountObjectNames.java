package org.zhizhi.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.SqlObjectNames;

/** Accounts by the name they are shown under (东城社区工作站), for the audit trail; only those in the asker's scope. */
@Component
class AccountObjectNames extends SqlObjectNames {

	AccountObjectNames(JdbcClient jdbc) {
		super(jdbc, "identity.account", "display_name", "account");
	}
}
