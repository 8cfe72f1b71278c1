package org.zhizhi.partnership;

import java.util.List;

import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;

/**
 * The checks beside the partnership commands' shape that Bean Validation does not express on one component: a position
 * is both coordinates or none; and text as stored (stripped, none when blank).
 */
final class Inputs {

	private Inputs() {
	}

	static void checkPosition(List<FieldProblem> problems, Double lat, Double lng) {
		if ((lat == null) != (lng == null) || lat != null && (!GeoPoint.validLatitude(lat) || !GeoPoint.validLongitude(lng))) {
			problems.add(new FieldProblem("lat", "partnership.position"));
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
