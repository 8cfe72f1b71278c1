package org.zhizhi.shared.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ScopedDataSource} in front of the platform's pool — embedded or external alike — so that every
 * connection anyone takes carries the signed-in person's scope for the row-level security policies.
 */
@Component
class ScopedConnections implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if ("dataSource".equals(name) && bean instanceof DataSource pool && !(bean instanceof ScopedDataSource)) {
			return new ScopedDataSource(pool);
		}
		return bean;
	}
}
