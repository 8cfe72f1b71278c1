package org.zhizhi.shared.database;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ScopedDataSource} in front of the platform's pool — embedded or external alike — so that every
 * connection anyone takes carries the signed-in person's scope for the row-level security policies. With a read
 * replica configured ({@code zhizhi.database.replica.url}) the platform's data source becomes {@link ReplicaRouting},
 * which scopes the connections of both servers the same way.
 */
@Component
class ScopedConnections implements BeanPostProcessor, EnvironmentAware {

	/** The platform's clock, asked for only when a replica is configured (a post-processor must not pull beans early). */
	private final ObjectProvider<Clock> clock;

	private Environment environment;

	ScopedConnections(ObjectProvider<Clock> clock) {
		this.clock = clock;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if ("dataSource".equals(name) && bean instanceof DataSource pool && !(bean instanceof ScopedDataSource)
				&& !(bean instanceof ReplicaRouting)) {
			ReplicaProperties replica = Binder.get(environment)
				.bindOrCreate(ReplicaProperties.PREFIX, ReplicaProperties.class);
			return replica.configured() ? ReplicaRouting.over(pool, replica, clock.getObject())
					: new ScopedDataSource(pool);
		}
		return bean;
	}
}
