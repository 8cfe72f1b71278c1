package org.zhizhi.deliberation;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** 共筹 for a decided topic: the amount to raise and, if the decision says so, what each household gives. */
public record OpenFund(
		@NotNull(message = TopicInput.REQUIRED) @DecimalMin(value = "1", message = "{deliberation.fund.amountRange}")
		@DecimalMax(value = "99999999", message = "{deliberation.fund.amountRange}")
		@Digits(integer = 8, fraction = 2, message = "{deliberation.fund.cents}") BigDecimal target,
		@DecimalMin(value = "0.01", message = "{deliberation.fund.amountRange}")
		@DecimalMax(value = "99999", message = "{deliberation.fund.amountRange}")
		@Digits(integer = 5, fraction = 2, message = "{deliberation.fund.cents}") BigDecimal perHousehold) {
}
