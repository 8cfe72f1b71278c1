package org.zhizhi.incident;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The overdue sweep runs on a schedule; the steps' settings come from {@link IncidentProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {
}
