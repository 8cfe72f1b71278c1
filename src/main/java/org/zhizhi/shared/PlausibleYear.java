package org.zhizhi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Year;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A year a person can ask about — an overview's, a ranking's, a report's {@code ?year=} — within {@code yearsBack}
 * years before and {@code yearsAhead} after this one. Year 99999 used to reach the date arithmetic and the database
 * and fail there as a 500; on a request parameter this is a 400 naming the parameter (Spring MVC validates a
 * handler's constrained parameters itself). Today is the platform's clock, as for {@link PlausibleDate}.
 */
@Documented
@Constraint(validatedBy = PlausibleYear.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleYear {

	String message() default "{validation.implausibleYear}";

	int yearsBack() default 50;

	int yearsAhead() default 10;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<PlausibleYear, Integer> {

		private int yearsBack;

		private int yearsAhead;

		@Override
		public void initialize(PlausibleYear annotation) {
			yearsBack = annotation.yearsBack();
			yearsAhead = annotation.yearsAhead();
		}

		@Override
		public boolean isValid(Integer value, ConstraintValidatorContext context) {
			if (value == null) {
				return true; // no year asked for: this one
			}
			int thisYear = Year.now(context.getClockProvider().getClock()).getValue();
			return value >= thisYear - yearsBack && value <= thisYear + yearsAhead;
		}
	}
}
