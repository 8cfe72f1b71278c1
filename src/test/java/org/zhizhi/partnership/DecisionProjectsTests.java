package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The title a decision's project gets: one line, at most as many characters as the column holds. */
class DecisionProjectsTests {

	@Test
	void titlesAreOneLineAndCutByCharacters() {
		assertThat(DecisionProjects.title("  开展\n  义诊 ")).isEqualTo("开展 义诊");
		String emoji = "😀".repeat(DecisionProjects.TITLE_MAX + 5);
		String cut = DecisionProjects.title(emoji);
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(DecisionProjects.TITLE_MAX);
		assertThat(cut).endsWith("😀…");
		String exact = "项".repeat(DecisionProjects.TITLE_MAX);
		assertThat(DecisionProjects.title(exact)).isEqualTo(exact);
	}
}
