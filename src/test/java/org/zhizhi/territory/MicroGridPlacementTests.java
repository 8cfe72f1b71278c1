package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.territory.MicroGridPlacement.Cell;

/** A building's micro-grid is the one its position lies in; a position in none of them has none. */
class MicroGridPlacementTests {

	private static final UUID GRID = UUID.randomUUID();

	/** Two micro-grids side by side, sharing the edge at longitude 106.501. */
	private final Cell west = cell("01", "[[106.500,29.400],[106.501,29.400],[106.501,29.401],[106.500,29.401],[106.500,29.400]]");

	private final Cell east = cell("02", "[[106.501,29.400],[106.502,29.400],[106.502,29.401],[106.501,29.401],[106.501,29.400]]");

	private final List<Cell> cells = List.of(west, east);

	@Test
	void findsTheMicroGridThatContainsThePosition() {
		assertThat(MicroGridPlacement.locate(cells, 29.4005, 106.5005)).contains(west);
		assertThat(MicroGridPlacement.locate(cells, 29.4005, 106.5015)).contains(east);
	}

	@Test
	void aPositionOnASharedEdgeBelongsToTheFirstMicroGridInCodeOrder() {
		assertThat(MicroGridPlacement.locate(cells, 29.4005, 106.501)).contains(west);
	}

	@Test
	void aPositionOutsideEveryMicroGridHasNone() {
		assertThat(MicroGridPlacement.locate(cells, 29.4005, 106.503)).isEmpty();
		// latitude and longitude are not swapped: GeoJSON is longitude first
		assertThat(MicroGridPlacement.locate(cells, 106.5005, 29.4005)).isEmpty();
	}

	private static Cell cell(String code, String ring) {
		UUID id = UUID.randomUUID();
		return new Cell(id, GRID, code, "/" + GRID + "/" + id + "/",
				Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"));
	}
}
