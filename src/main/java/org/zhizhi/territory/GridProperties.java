package org.zhizhi.territory;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The grid look-up's settings, configured under {@code zhizhi.grids.*}; registered by {@code TerritoryConfiguration}.
 *
 * @param versionCheck how often {@link GridLocator} asks whether the boundaries changed while it cannot hear the nodes'
 * announcements of a change (0 = on every look-up then)
 */
@Validated
@ConfigurationProperties("zhizhi.grids")
record GridProperties(@DefaultValue("2s") @NotNull @DurationMin(message = "must not be negative") Duration versionCheck) {
}
