package org.zhizhi.shared;

/**
 * Text as it arrives from outside. PostgreSQL cannot store U+0000 in a text column and refuses the whole statement, so
 * a NUL byte anywhere in a field used to reach the database and fail there as a 500 (and a sign-in with one was never
 * audited). Every door refuses it first, as a problem of the field that holds it.
 */
public final class TextInput {

	/** The message of a field that holds a NUL character. */
	public static final String NUL_MESSAGE = "validation.nul";

	private TextInput() {
	}

	public static boolean hasNul(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\u0000') {
				return true;
			}
		}
		return false;
	}

	/** The text with each NUL shown as ␀ (U+2400), so that it can be stored and read, e.g. in the audit trail. */
	public static String visible(String text) {
		return text == null ? null : text.replace('\u0000', '\u2400');
	}
}
