package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GeoPointTests {

	@Test
	void theHaversineDistanceIsInMetres() {
		GeoPoint here = new GeoPoint(29.4, 106.5);
		assertThat(here.metresTo(here)).isZero();
		// one hundredth of a degree of latitude is about 1112 m
		assertThat(here.metresTo(new GeoPoint(29.41, 106.5))).isBetween(1110.0, 1113.0);
		// Beijing to Shanghai, about 1067 km
		assertThat(new GeoPoint(39.9042, 116.4074).metresTo(new GeoPoint(31.2304, 121.4737)) / 1000).isBetween(1060.0,
				1075.0);
	}

	@Test
	void onlyAPositionOnEarthIsOne() {
		assertThat(GeoPoint.validLatitude(90.0)).isTrue();
		assertThat(GeoPoint.validLatitude(90.0001)).isFalse();
		assertThat(GeoPoint.validLatitude(Double.NaN)).isFalse();
		assertThat(GeoPoint.validLatitude(null)).isFalse();
		assertThat(GeoPoint.validLongitude(-180.0)).isTrue();
		assertThat(GeoPoint.validLongitude(Double.POSITIVE_INFINITY)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0));
	}
}
