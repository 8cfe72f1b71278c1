package org.zhizhi.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The identity module's settings: {@link SignInProperties}, {@link ThrottleProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SignInProperties.class, ThrottleProperties.class })
class IdentityConfiguration {
}

