package org.zhizhi.partnership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AmountsTests {

	private final Amounts amounts = new Amounts();

	@Test
	void showsTheDecimalsAValueHasAndGroupsThousands() {
		assertThat(amounts.of(new BigDecimal("600000.00"))).isEqualTo("600,000");
		assertThat(amounts.of(new BigDecimal("2.5"))).isEqualTo("2.5");
		assertThat(amounts.of(new BigDecimal("0.50"))).isEqualTo("0.5");
		assertThat(amounts.of(new BigDecimal("1234.56"))).isEqualTo("1,234.56");
		assertThat(amounts.of(null)).isEqualTo("—");
	}
}
