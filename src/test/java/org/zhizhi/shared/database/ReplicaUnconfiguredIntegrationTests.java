package org.zhizhi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.kpi.IncidentKpis;

/**
 * Without {@code zhizhi.database.replica.url} (the default, and every other integration test) nothing of the read
 * replica exists: the platform's data source is its pool behind the scope wrapper as before — no lazy connections,
 * no heartbeat — and {@code @ReplicaRead} marks nothing.
 */
@ZhizhiIntegrationTest
class ReplicaUnconfiguredIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Autowired
	IncidentKpis kpis;

	@Test
	void thePlatformsDataSourceIsItsScopedPoolAndNothingIsMarked() throws Exception {
		assertThat(dataSource).isInstanceOf(ScopedDataSource.class);
		assertThat(dataSource.isWrapperFor(ReplicaRouting.class)).isFalse();
		assertThat(context.getBeansOfType(ReplicaConfiguration.class)).isEmpty();
		assertThat(context.getBeanNamesForType(org.springframework.aop.Advisor.class))
			.doesNotContain("replicaReadAdvisor");
		assertThat(org.springframework.aop.support.AopUtils.isAopProxy(kpis)).as("transactions").isTrue();
		assertThat(((org.springframework.aop.framework.Advised) kpis).getAdvisors())
			.noneMatch(a -> a.getAdvice() instanceof ReplicaReads.Mark);
	}
}
