package org.zhizhi.shared;

import java.util.List;

/**
 * A broken business rule, told in the platform's own terms: a category that says what kind of failure it is, a
 * stable code clients may depend on, and a message key the web layer resolves in the user's language. Domain code
 * never speaks HTTP; the problem-details advice maps the category to a status.
 */
public class DomainException extends RuntimeException {

	public enum Category {
		/** The object does not exist — or lies outside the caller's scope, which must look exactly the same. */
		NOT_FOUND,
		/** The request breaks a rule of the input (field errors say which). */
		INVALID,
		/** The request collides with the current state (duplicate, lost race, wrong step). */
		CONFLICT,
		/** The caller may not do this at all. */
		FORBIDDEN
	}

	public record FieldProblem(String field, String messageKey, Object... args) {
	}

	private final Category category;

	private final String code;

	private final String messageKey;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	public DomainException(Category category, String code, String messageKey, Object... args) {
		this(category, code, messageKey, List.of(), args);
	}

	public DomainException(Category category, String code, String messageKey, List<FieldProblem> fieldProblems,
			Object... args) {
		super(code + ": " + messageKey);
		this.category = category;
		this.code = code;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static DomainException notFound(String what) {
		return new DomainException(Category.NOT_FOUND, "NOT_FOUND", "problem.notFound", what);
	}

	public static DomainException invalid(List<FieldProblem> problems) {
		return new DomainException(Category.INVALID, "VALIDATION_FAILED", "problem.validation", problems);
	}

	public Category category() {
		return category;
	}

	public String code() {
		return code;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}
}
