package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DataScope;

/** The in-memory grid index: which grid and micro-grid hold a point, within a scope, the same answer every time. */
class GridIndexTests {

	static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final UUID COMMUNITY = UUID.fromString("00000000-0000-0000-0000-000000000002");

	static final UUID WEST = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID EAST = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final UUID WEST_SOUTH = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	static final UUID WEST_NORTH = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	static final String COMMUNITY_PATH = "/" + ROOT + "/" + COMMUNITY + "/";

	static GridIndex.Cell cell(UUID id, UUID parent, OrgLevel level, String name, String code, String path,
			double west, double south, double east, double north) {
		return new GridIndex.Cell(id, parent, level, name, code, "RESIDENTIAL", path, ROOT,
				Boundaries.parse(rectangle(west, south, east, north)));
	}

	/** Corners given exactly, so that neighbours share their edges to the last bit. */
	static String rectangle(double west, double south, double east, double north) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + "," + south + "],[" + east + "," + south + "],["
				+ east + "," + north + "],[" + west + "," + north + "],[" + west + "," + south + "]]]}";
	}

	/** Two grids side by side sharing the edge lng = 106.65; the west one cut into a south and a north micro-grid. */
	static List<GridIndex.Cell> cells() {
		String west = COMMUNITY_PATH + WEST + "/";
		List<GridIndex.Cell> cells = new ArrayList<>();
		cells.add(cell(EAST, COMMUNITY, OrgLevel.GRID, "东网格", "500113101001002", COMMUNITY_PATH + EAST + "/", 106.65,
				29.40, 106.66, 29.41));
		cells.add(cell(WEST_NORTH, WEST, OrgLevel.MICRO_GRID, "北微网格", "50011310100100102",
				west + WEST_NORTH + "/", 106.64, 29.405, 106.65, 29.41));
		cells.add(cell(WEST, COMMUNITY, OrgLevel.GRID, "西网格", "500113101001001", west, 106.64, 29.40, 106.65, 29.41));
		cells.add(cell(WEST_SOUTH, WEST, OrgLevel.MICRO_GRID, "南微网格", "50011310100100101",
				west + WEST_SOUTH + "/", 106.64, 29.40, 106.65, 29.405));
		return cells;
	}

	final GridIndex index = GridIndex.of(cells());

	final DataScope everything = new DataScope(ROOT, "/" + ROOT + "/");

	@Test
	void findsTheGridAndMicroGridThatHoldAPoint() {
		GridLocation location = index.locate(everything, 29.402, 106.645).orElseThrow();
		assertThat(location.id()).isEqualTo(WEST);
		assertThat(location.name()).isEqualTo("西网格");
		// the grid's own path and district, as a report is written with them
		assertThat(location.path()).isEqualTo(COMMUNITY_PATH + WEST + "/");
		assertThat(location.districtId()).isEqualTo(ROOT);
		assertThat(location.microGrid().id()).isEqualTo(WEST_SOUTH);

		assertThat(index.locate(everything, 29.408, 106.645).orElseThrow().microGrid().name()).isEqualTo("北微网格");
	}

	@Test
	void aGridWithoutMicroGridsAnswersWithoutOne() {
		GridLocation location = index.locate(everything, 29.405, 106.655).orElseThrow();
		assertThat(location.id()).isEqualTo(EAST);
		assertThat(location.microGrid()).isNull();
	}

	@Test
	void findsNothingOutsideEveryGrid() {
		assertThat(index.locate(everything, 29.42, 106.645)).isEmpty();
		assertThat(index.locate(everything, 0, 0)).isEmpty();
		assertThat(index.locate(everything, 29.405, 106.6600001)).isEmpty();
	}

	@Test
	void aPointOnASharedEdgeBelongsToTheGridWithTheLowerCodeWhateverTheLoadingOrder() {
		List<GridIndex.Cell> reversed = new ArrayList<>(cells());
		java.util.Collections.reverse(reversed);
		for (GridIndex index : List.of(this.index, GridIndex.of(reversed))) {
			GridLocation onEdge = index.locate(everything, 29.403, 106.65).orElseThrow();
			assertThat(onEdge.id()).isEqualTo(WEST);
			// on the edge between the two micro-grids as well: the lower code, the south one
			assertThat(onEdge.microGrid().id()).isEqualTo(WEST_SOUTH);
			assertThat(index.locate(everything, 29.405, 106.645).orElseThrow().microGrid().id())
				.isEqualTo(WEST_SOUTH);
		}
	}

	@Test
	void onlyGridsOfTheScopeCount() {
		DataScope eastOnly = new DataScope(EAST, COMMUNITY_PATH + EAST + "/");
		assertThat(index.locate(eastOnly, 29.402, 106.645)).isEmpty();
		assertThat(index.locate(eastOnly, 29.405, 106.655)).map(GridLocation::id).contains(EAST);
		// on the shared edge, a user who sees only the east grid gets the east grid
		assertThat(index.locate(eastOnly, 29.403, 106.65)).map(GridLocation::id).contains(EAST);
	}

	@Test
	void namesTheGridsAndMicroGridsItHoldsAndNothingElse() {
		assertThat(index.nameOf(EAST)).contains("东网格");
		assertThat(index.nameOf(WEST_SOUTH)).contains("南微网格");
		assertThat(index.nameOf(COMMUNITY)).as("not a grid of the index").isEmpty();
	}

	@Test
	void countsWhatItIndexed() {
		assertThat(index.grids()).isEqualTo(2);
		assertThat(index.microGrids()).isEqualTo(2);
	}
}
