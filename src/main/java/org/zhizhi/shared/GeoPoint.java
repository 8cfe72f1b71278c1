package org.zhizhi.shared;

/**
 * A position in WGS-84 degrees, and the one distance function of the platform: great-circle distance on a spherical
 * earth (haversine) — metres off at most over a community, ample for "was the handler within 500 m" and "is this unit
 * near the need". Modules check a typed position with {@link #validLatitude} and {@link #validLongitude} and keep
 * their own messages for a bad one.
 */
public record GeoPoint(double lat, double lng) {

	/** The mean earth radius in metres. */
	public static final double EARTH_RADIUS_M = 6_371_008.8;

	public GeoPoint {
		if (!validLatitude(lat) || !validLongitude(lng)) {
			throw new IllegalArgumentException("not a position: " + lat + ", " + lng);
		}
	}

	public static boolean validLatitude(Double lat) {
		return lat != null && Double.isFinite(lat) && lat >= -90 && lat <= 90;
	}

	public static boolean validLongitude(Double lng) {
		return lng != null && Double.isFinite(lng) && lng >= -180 && lng <= 180;
	}

	/** The great-circle distance to another point, in metres. */
	public double metresTo(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - lat);
		double dLng = Math.toRadians(other.lng - lng);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}
}
