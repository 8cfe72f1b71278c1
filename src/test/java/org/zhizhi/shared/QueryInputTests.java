package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Request text and page numbers become safe query parameters. */
class QueryInputTests {

	@Test
	void searchTextMatchesLiterallyAnywhere() {
		assertThat(LikePattern.contains(" 东城 ")).isEqualTo("%东城%");
		assertThat(LikePattern.contains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
		assertThat(LikePattern.contains("  ")).isNull();
		assertThat(LikePattern.contains(null)).isNull();
	}

	@Test
	void pageNumbersNeverOverflowIntoANegativeOffset() {
		assertThat(Paging.offset(-3, 50)).isZero();
		assertThat(Paging.offset(2, 50)).isEqualTo(100);
		assertThat(Paging.offset(Integer.MAX_VALUE, 50)).isEqualTo(Paging.MAX_PAGE * 50).isPositive();
	}
}
