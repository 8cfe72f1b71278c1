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
 * Text of a length between {@code min} and {@code max} characters as a person counts them: the stripped text's code
 * points ({@code @Size} counts UTF-16 units, so "🎂" is two and "　标题　" five). Absent or blank text is not this
 * constraint's to judge — pair it with {@link HasText} where text is required. {@code CommandShape} gives the message
 * both bounds: {@code "长度须在 {0} 到 {1} 个字之间"}.
 */
@Documented
@Constraint(validatedBy = TextLength.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TextLength {

	int min() default 0;

	int max();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<TextLength, CharSequence> {

		private int min;

		private int max;

		@Override
		public void initialize(TextLength constraint) {
			this.min = constraint.min();
			this.max = constraint.max();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null || value.toString().isBlank()) {
				return true;
			}
			String text = value.toString().strip();
			int length = text.codePointCount(0, text.length());
			return length >= min && length <= max;
		}
	}
}
