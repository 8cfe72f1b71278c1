package org.zhizhi.territory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The territory's settings: the grid look-up's, the map tiles' and the installation's root (the last two read by
 * other modules' pages and start-up too).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GridProperties.class, MapProperties.class, InstallationProperties.class })
class TerritoryConfiguration {
}
