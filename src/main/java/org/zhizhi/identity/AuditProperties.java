package org.zhizhi.identity;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The audit chain's key ({@code zhizhi.audit.key}, base64, at least 256 bits), kept outside the database — in the
 * environment ({@code ZHIZHI_AUDIT_KEY}) or a secrets store — so that whoever can write to the database cannot reseal
 * what he changed.
 */
@Validated
@ConfigurationProperties("zhizhi.audit")
record AuditProperties(@NotBlank String key) {
}
