package org.zhizhi.incident;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The overdue sweep runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IncidentConfiguration {
}
