/**
 * Open311 GeoReport v2 under {@code /open311/v2}: existing civic-reporting clients list the incident categories as
 * services, report incidents with an api_key and read the public side of every incident — never its reporter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.zhizhi.open311;
