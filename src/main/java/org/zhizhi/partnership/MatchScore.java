package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.zhizhi.shared.GeoPoint;

/**
 * The score of a suggestion for an open need, after the hard filters (category, remaining capacity, period, distance)
 * have let it through: coverage of what is still needed, nearness, a signed agreement this year and a track record,
 * minus a small penalty for a unit matched in the last days — so that one popular unit does not take everything
 * (VolunteerMatch found that spreading raises the share of needs that get anyone at all).
 */
public record MatchScore(double coverageWeight, double nearnessWeight, double agreementWeight, double recordWeight,
		double recentPenalty) {

	public static final MatchScore DEFAULT = new MatchScore(40, 30, 15, 15, 10);

	/**
	 * @param offered what the resource can still give (null for a unit without an open resource: half coverage)
	 * @param needed what the need still lacks
	 * @param distanceKm null where a position is unknown: half the nearness
	 * @param delivered accepted pledges of the unit so far (five or more count fully)
	 */
	public double score(BigDecimal offered, BigDecimal needed, Double distanceKm, double limitKm, boolean agreement,
			long delivered, boolean recentlyMatched) {
		double coverage = offered == null || needed.signum() <= 0 ? 0.5
				: Math.min(1.0, offered.divide(needed, 4, RoundingMode.HALF_UP).doubleValue());
		double nearness = distanceKm == null ? 0.5 : Math.max(0, 1 - distanceKm / limitKm);
		double record = Math.min(1.0, delivered / 5.0);
		double total = coverageWeight * coverage + nearnessWeight * nearness + (agreement ? agreementWeight : 0)
				+ recordWeight * record - (recentlyMatched ? recentPenalty : 0);
		return Math.round(total * 10) / 10.0;
	}

	/** Great-circle distance in kilometres (the platform's one distance, {@link GeoPoint#metresTo}). */
	public static double distanceKm(double lat1, double lng1, double lat2, double lng2) {
		return new GeoPoint(lat1, lng1).metresTo(new GeoPoint(lat2, lng2)) / 1000;
	}
}
