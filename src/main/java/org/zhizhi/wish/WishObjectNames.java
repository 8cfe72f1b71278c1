package org.zhizhi.wish;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.SqlObjectNames;

/** Micro-wishes by their title (what the wall shows, never the person), for the audit trail. */
@Component
class WishObjectNames extends SqlObjectNames {

	WishObjectNames(JdbcClient jdbc) {
		super(jdbc, "wish.wish", "title", "wish");
	}
}
