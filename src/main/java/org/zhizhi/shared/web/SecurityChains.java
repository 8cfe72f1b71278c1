package org.zhizhi.shared.web;

/**
 * The order of the modules' security filter chains: the first whose matcher fits a request handles it, so the chains
 * for narrow paths come first and the pages' chain, which takes every other request, comes last. Each module declares
 * its own chain with one of these.
 */
public final class SecurityChains {

	/** Health, metrics and the Prometheus scrape, on the management port only. */
	public static final int MANAGEMENT = -1;

	/** Open311 clients with an api_key ({@code /open311/**}). */
	public static final int OPEN311 = 0;

	/** A community's public pages ({@code /public/**}). */
	public static final int PUBLIC_PAGES = 1;

	/** Calendar feeds ({@code /calendar/**}): the token in the URL is the credential. */
	public static final int CALENDAR_FEEDS = 2;

	/**
	 * City platforms' orders with a link key ({@code /api/v1/citylink/orders}): before the API's chain, whose
	 * {@code /api/v1/**} would take them; its path is disjoint from the other narrow chains'.
	 */
	public static final int CITY_PLATFORM = 2;

	/** The JSON API with bearer tokens ({@code /api/v1/**}; {@code /actuator/**} on the public port: not found). */
	public static final int API = 3;

	/** The signed-in pages: everything else. */
	public static final int PAGES = 4;

	private SecurityChains() {
	}
}
