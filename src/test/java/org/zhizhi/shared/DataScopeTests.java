package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DataScopeTests {

	static final UUID ROOT = UUID.randomUUID();

	static final UUID COMMUNITY = UUID.randomUUID();

	static final UUID GRID_A = UUID.randomUUID();

	static final UUID GRID_B = UUID.randomUUID();

	final DataScope community = new DataScope(COMMUNITY, "/" + ROOT + "/" + COMMUNITY + "/");

	final DataScope gridA = new DataScope(GRID_A, community.path() + GRID_A + "/");

	@Test
	void coversItselfAndEverythingBelow() {
		assertThat(community.covers(community)).isTrue();
		assertThat(community.covers(gridA)).isTrue();
		assertThat(community.covers(gridA.path() + UUID.randomUUID() + "/")).isTrue();
	}

	@Test
	void coversNothingBesideOrAbove() {
		assertThat(gridA.covers(community)).isFalse();
		assertThat(gridA.covers(community.path() + GRID_B + "/")).isFalse();
		assertThat(gridA.covers((String) null)).isFalse();
	}

	@Test
	void likePatternIsThePathPrefix() {
		assertThat(gridA.likePattern()).isEqualTo(gridA.path() + "%");
	}

	@Test
	void rejectsPathsThatAreNotSlashDelimited() {
		assertThatThrownBy(() -> new DataScope(GRID_A, "abc")).isInstanceOf(IllegalArgumentException.class);
	}
}
