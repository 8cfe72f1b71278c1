package org.zhizhi.open311;

import java.util.List;

/**
 * A request Open311 answers with its list of errors: each error has the HTTP-like code the specification uses (400,
 * 403, 404…) and a message key (with arguments) that the web layer resolves in the caller's language, prefixed by the
 * Open311 field it concerns, if any.
 */
public class Open311Refusal extends RuntimeException {

	public record Error(int code, String field, String messageKey, Object... args) {
	}

	private final int status;

	private final List<Error> errors;

	public Open311Refusal(int status, List<Error> errors) {
		super(status + " " + errors.stream().map(Error::messageKey).toList());
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public static Open311Refusal of(int status, String field, String messageKey, Object... args) {
		return new Open311Refusal(status, List.of(new Error(status, field, messageKey, args)));
	}

	public int status() {
		return status;
	}

	public List<Error> errors() {
		return errors;
	}
}
