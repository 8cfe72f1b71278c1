package org.zhizhi.territory;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The root of the territory tree on this installation, configured under {@code zhizhi.installation.*} (set in
 * application.properties): made on the first start without demo data, and the whole installation's data scope for
 * Open311. Both are required. Registered by {@code TerritoryConfiguration}.
 *
 * @param rootName the root node's name, e.g. 重庆市
 * @param rootCode the root node's code, e.g. 500000000000
 */
@Validated
@ConfigurationProperties("zhizhi.installation")
public record InstallationProperties(@NotBlank(message = "must be set") String rootName,
		@NotBlank(message = "must be set") String rootCode) {
}
