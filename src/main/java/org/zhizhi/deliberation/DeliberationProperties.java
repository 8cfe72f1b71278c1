package org.zhizhi.deliberation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of deliberation ({@code zhizhi.deliberation.*}).
 *
 * @param cosignThreshold how many households (the raiser's included) put a topic on the agenda by themselves
 */
@Validated
@ConfigurationProperties("zhizhi.deliberation")
public record DeliberationProperties(@DefaultValue("5") @Min(1) @Max(1000) int cosignThreshold) {
}
