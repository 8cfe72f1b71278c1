package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.zhizhi.shared.DomainException;
import org.zhizhi.territory.Boundaries.Sibling;

class BoundariesTests {

	static String square(double lng, double lat, double size) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lng + "," + lat + "],[" + (lng + size) + "," + lat + "],["
				+ (lng + size) + "," + (lat + size) + "],[" + lng + "," + (lat + size) + "],[" + lng + "," + lat
				+ "]]]}";
	}

	final Geometry community = Boundaries.parse(square(106.64, 29.40, 0.02));

	@Test
	void acceptsAGridInsideItsParentBesideItsNeighbour() {
		Geometry left = Boundaries.parse(square(106.64, 29.40, 0.01));
		Geometry right = Boundaries.parse(square(106.65, 29.40, 0.01));
		Boundaries.checkPlacement("右", right, community, List.of(new Sibling("左", left)));
	}

	@Test
	void rejectsAGridLeavingItsParent() {
		Geometry outside = Boundaries.parse(square(106.655, 29.40, 0.01));
		assertThatThrownBy(() -> Boundaries.checkPlacement("越界", outside, community, List.of()))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("BOUNDARY_OUTSIDE_PARENT"));
	}

	@Test
	void rejectsAGridOverlappingASibling() {
		Geometry left = Boundaries.parse(square(106.64, 29.40, 0.01));
		Geometry overlapping = Boundaries.parse(square(106.645, 29.40, 0.01));
		assertThatThrownBy(() -> Boundaries.checkPlacement("重叠", overlapping, community,
				List.of(new Sibling("左", left))))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("BOUNDARY_OVERLAPS_SIBLING"));
	}

	@Test
	void rejectsWhatIsNotAValidPolygon() {
		assertThatThrownBy(() -> Boundaries.parse("not json")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> Boundaries.parse("{\"type\":\"Point\",\"coordinates\":[106.6,29.4]}"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("BOUNDARY_NOT_POLYGON"));
		String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";
		assertThatThrownBy(() -> Boundaries.parse(bowtie))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("BOUNDARY_INVALID"));
		assertThatThrownBy(() -> Boundaries.parse(square(200, 29.4, 0.01))).isInstanceOf(DomainException.class);
	}
}
