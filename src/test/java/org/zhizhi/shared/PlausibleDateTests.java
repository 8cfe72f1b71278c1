package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dates and years within a window around the clock's today, whatever day the machine thinks it is. */
class PlausibleDateTests {

	/** 2026-06-10 in Chongqing. */
	private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), PlatformZone.DEFAULT);

	private final ValidatorFactory factory = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> TODAY)
		.buildValidatorFactory();

	private final Validator validator = factory.getValidator();

	record Period(@PlausibleDate LocalDate start, @PlausibleDate(yearsBack = 0, yearsAhead = 1) LocalDate due) {
	}

	record Overview(@PlausibleYear Integer year) {
	}

	@AfterEach
	void close() {
		factory.close();
	}

	@Test
	void aDateWithinTheWindowIsTaken() {
		assertThat(validator.validate(new Period(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 10)))).isEmpty();
		assertThat(validator.validate(new Period(LocalDate.of(2016, 6, 10), LocalDate.of(2027, 6, 10)))).isEmpty();
		assertThat(validator.validate(new Period(null, null))).as("whether one is required is another rule").isEmpty();
	}

	@Test
	void theFirstDayOfTheEraOrADateCenturiesAheadIsRefused() {
		assertThat(validator.validate(new Period(LocalDate.of(1, 1, 1), null))).hasSize(1);
		assertThat(validator.validate(new Period(LocalDate.of(9999, 12, 31), null))).hasSize(1);
		assertThat(validator.validate(new Period(LocalDate.of(2016, 6, 9), null))).as("a day beyond ten years")
			.hasSize(1);
		assertThat(validator.validate(new Period(null, LocalDate.of(2026, 6, 9)))).as("yesterday, none back")
			.hasSize(1);
	}

	@Test
	void aYearIsBoundedTheSameWay() {
		assertThat(validator.validate(new Overview(2026))).isEmpty();
		assertThat(validator.validate(new Overview(1980))).isEmpty();
		assertThat(validator.validate(new Overview(null))).isEmpty();
		assertThat(validator.validate(new Overview(99999))).hasSize(1);
		assertThat(validator.validate(new Overview(-1))).hasSize(1);
		assertThat(validator.validate(new Overview(2037))).hasSize(1);
	}

	@Test
	void theClockDecidesToday() {
		Clock later = Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), PlatformZone.DEFAULT);
		try (ValidatorFactory then = Validation.byDefaultProvider()
			.configure()
			.clockProvider(() -> later)
			.buildValidatorFactory()) {
			assertThat(then.getValidator().validate(new Period(LocalDate.of(2016, 6, 10), null))).hasSize(1);
		}
	}
}
