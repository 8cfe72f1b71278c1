package org.zhizhi.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's background tiles, configured under {@code zhizhi.map.*}, for every page that draws boundaries or places
 * (the territory's and the incident desk's). Empty (the default) means no tiles: the boundaries are drawn on a plain
 * background, which works offline. Registered by {@code TerritoryConfiguration}.
 *
 * @param tileUrl the tile URL template with {@code {x}}, {@code {y}}, {@code {z}} (and {@code {s}}), or empty
 * @param tileAttribution the attribution the tile provider asks for, or empty
 */
@ConfigurationProperties("zhizhi.map")
public record MapProperties(String tileUrl, String tileAttribution) {

	public MapProperties {
		tileUrl = tileUrl == null ? "" : tileUrl;
		tileAttribution = tileAttribution == null ? "" : tileAttribution;
	}
}
