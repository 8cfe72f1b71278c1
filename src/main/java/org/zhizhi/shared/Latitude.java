package org.zhizhi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A latitude a {@link GeoPoint} can be made of (finite, −90 to 90), for a command's position; none is not this
 * constraint's business ({@code @NotNull} says whether one is required). The message is the module's own.
 */
@Documented
@Constraint(validatedBy = Latitude.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Latitude {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<Latitude, Double> {

		@Override
		public boolean isValid(Double value, ConstraintValidatorContext context) {
			return value == null || GeoPoint.validLatitude(value);
		}
	}
}
