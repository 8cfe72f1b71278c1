package org.zhizhi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person can mean: within {@code yearsBack} years before and {@code yearsAhead} years after today. A date
 * field takes whatever the date picker or the API sends — a need's period starting 0001-01-01, a deadline in 9999 —
 * and such a date then breaks the year's figures and reminders. Today is the platform's clock in its zone, given to
 * Bean Validation as its {@link jakarta.validation.ClockProvider} (see {@code ValidationClock}), so that the tests'
 * clock decides it too. {@link CommandShape} names both bounds in the message, {@code {0}} and {@code {1}}. A moment
 * ({@link Instant}: a meeting's time, an activity's start) is held to the same days in the platform's zone.
 */
@Documented
@Constraint(validatedBy = { PlausibleDate.Check.class, PlausibleDate.MomentCheck.class })
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	String message() default "{validation.implausibleDate}";

	/** How many years before today the date may lie. */
	int yearsBack() default 10;

	/** How many years after today the date may lie. */
	int yearsAhead() default 10;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<PlausibleDate, LocalDate> {

		private int yearsBack;

		private int yearsAhead;

		@Override
		public void initialize(PlausibleDate annotation) {
			yearsBack = annotation.yearsBack();
			yearsAhead = annotation.yearsAhead();
		}

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // whether one is required is @NotNull's to say
			}
			LocalDate today = LocalDate.now(context.getClockProvider().getClock());
			return !value.isBefore(today.minusYears(yearsBack)) && !value.isAfter(today.plusYears(yearsAhead));
		}
	}

	/** The same bounds for a moment, by its day in the platform's zone. */
	class MomentCheck implements ConstraintValidator<PlausibleDate, Instant> {

		private final Check days = new Check();

		@Override
		public void initialize(PlausibleDate annotation) {
			days.initialize(annotation);
		}

		@Override
		public boolean isValid(Instant value, ConstraintValidatorContext context) {
			// the provider's clock is in the platform's configured zone (ValidationClock)
			return value == null || days.isValid(
					LocalDate.ofInstant(value, context.getClockProvider().getClock().getZone()), context);
		}
	}
}
