package org.zhizhi.identity;

import java.util.Base64;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhizhi.shared.DemoMode;

/** The audit chain's seal, keyed by {@link AuditProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

	/** The key application.properties ships for the demo; it is public, so a real installation must set its own. */
	static final String DEMO_AUDIT_KEY = "emhpemhpLWRlbW8tYXVkaXQtY2hhaW4ta2V5LTMyYiE=";

	@Bean
	AuditSeal auditSeal(AuditProperties properties, DemoMode demoMode) {
		return new AuditSeal(auditKey(properties.key(), demoMode));
	}

	/** Outside demo mode a public key would let anyone reseal a changed entry: the start is refused instead. */
	static byte[] auditKey(String key, DemoMode demoMode) {
		if (DEMO_AUDIT_KEY.equals(key.strip()) && !demoMode.enabled()) {
			throw new IllegalStateException("""
					zhizhi.audit.key is the PUBLIC DEMO KEY from application.properties, outside demo mode: anyone \
					could reseal a changed audit entry. Set ZHIZHI_AUDIT_KEY to a key of your own, kept outside the \
					database (e.g. openssl rand -base64 32).""");
		}
		return Base64.getDecoder().decode(key.strip());
	}
}
