package org.zhizhi.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The password rules of the platform (等保 2.0 level 3 practice): at least 8 characters, from at least three of the four
 * classes upper case, lower case, digits and symbols, not containing the account's own name, not one of the common
 * passwords an attacker tries first ({@link CommonPasswords}: {@code Password1} and {@code Qwerty123} have three
 * classes and are still guessed in seconds) — and at most 72 bytes in UTF-8, the most bcrypt reads (a Chinese
 * character takes three).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	public static List<FieldProblem> check(String field, String password, String username) {
		return check(field, password, username, null);
	}

	/** The rules, with the account's display name as well as its username kept out of the password. */
	public static List<FieldProblem> check(String field, String password, String username, String displayName) {
		List<FieldProblem> problems = checkShape(field, password, username);
		if (!problems.isEmpty()) {
			return problems;
		}
		if (CommonPasswords.contains(password)) {
			problems.add(new FieldProblem(field, "password.common"));
		}
		String name = displayName == null ? "" : displayName.strip().toLowerCase(Locale.ROOT);
		if (name.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(name)) {
			problems.add(new FieldProblem(field, "password.containsName"));
		}
		return problems;
	}

	/**
	 * Length, classes and username only: for the accounts nobody types a password for (the demo district's, which keep
	 * their published password, and the first start's random ones).
	 */
	static List<FieldProblem> checkShape(String field, String password, String username) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			problems.add(new FieldProblem(field, "password.tooShort", MIN_LENGTH));
			return problems;
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add(new FieldProblem(field, "password.tooLong", MAX_BYTES));
			return problems;
		}
		if (characterClasses(password) < 3) {
			problems.add(new FieldProblem(field, "password.tooSimple"));
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(field, "password.containsUsername"));
		}
		return problems;
	}

	static int characterClasses(String password) {
		boolean upper = false, lower = false, digit = false, symbol = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else if (!Character.isWhitespace(c)) {
				symbol = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
	}
}
