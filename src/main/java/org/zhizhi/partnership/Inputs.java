package org.zhizhi.partnership;

import java.util.List;

import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;

/** The hand-written input checks the partnership commands share: each adds its problem with a stable message key. */
final class Inputs {

	private Inputs() {
	}

	static void requireText(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "partnership.tooLong", max));
		}
	}

	static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "partnership.tooLong", max));
		}
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
