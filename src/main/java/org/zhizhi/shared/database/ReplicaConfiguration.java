package org.zhizhi.shared.database;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.zhizhi.shared.ReplicaRead;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What a configured read replica adds beside the routing data source ({@link ScopedConnections} makes that one): the
 * mark of {@link ReplicaRead} methods, and the replica's lag as a metric. Without {@code zhizhi.database.replica.url}
 * none of it exists and the marks are inert.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${zhizhi.database.replica.url:}'.isEmpty()")
class ReplicaConfiguration {

	/**
	 * Marks the thread around every call of a {@link ReplicaRead} method or of any method of a {@link ReplicaRead}
	 * class. An infrastructure advisor, so that the transactions' own proxy creator applies it too; outside the
	 * transaction's advice, so the mark covers the whole transaction (the connection is taken lazily at the first
	 * statement, so the order would not change the choice).
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor replicaReadAdvisor() {
		ComposablePointcut marked = new ComposablePointcut(new AnnotationMatchingPointcut(ReplicaRead.class, true))
			.union(AnnotationMatchingPointcut.forMethodAnnotation(ReplicaRead.class));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(marked, new ReplicaReads.Mark());
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** {@code zhizhi.database.replica.lag}: seconds behind the primary, NaN while none is known (unreachable). */
	@Bean
	MeterBinder replicaLagMetrics(DataSource dataSource) throws SQLException {
		ReplicaLag lag = dataSource.unwrap(ReplicaRouting.class).lag();
		return registry -> Gauge
			.builder("zhizhi.database.replica.lag", lag, l -> l.lag().map(ReplicaConfiguration::seconds).orElse(Double.NaN))
			.description("How far the read replica is behind the primary, by the heartbeat; reads marked @ReplicaRead "
					+ "go to the primary beyond zhizhi.database.replica.max-lag")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}
}
