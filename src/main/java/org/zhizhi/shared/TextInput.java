package org.zhizhi.shared;

/**
 * Text as it arrives from outside, refused at every door (form fields, query parameters, JSON strings) when it holds
 * characters that no person types and that do harm once stored:
 * <ul>
 * <li>U+0000: PostgreSQL cannot store it in a text column and refuses the whole statement, so a NUL byte used to reach
 * the database and fail there as a 500 (and a sign-in with one was never audited);</li>
 * <li>the other control characters, C0 (but tab, line feed and carriage return, which a text area sends) and C1, and
 * DEL: an escape sequence ({@code ESC[31m}) is a terminal's colour code, pasted from a log, and shows as garbage on
 * the public pages;</li>
 * <li>the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an override turns the
 * text after it around, so a title on a public page can read as something it does not say ("Trojan Source").</li>
 * </ul>
 * Refused rather than stripped: the person sees what was wrong with the field, as with any other refusal, and
 * nothing stored differs from what was sent.
 */
public final class TextInput {

	/** The message of a field that holds a NUL character. */
	public static final String NUL_MESSAGE = "validation.nul";

	/** The message of a field that holds another control or bidirectional-override character. */
	public static final String CONTROL_MESSAGE = "validation.control";

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

	/**
	 * Why the text cannot be taken: {@link #NUL_MESSAGE} or {@link #CONTROL_MESSAGE} (a NUL named first, the worse of
	 * the two), or {@code null} when it can.
	 */
	public static String refusal(CharSequence text) {
		if (text == null) {
			return null;
		}
		String refusal = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return NUL_MESSAGE;
			}
			if (refused(c)) {
				refusal = CONTROL_MESSAGE;
			}
		}
		return refusal;
	}

	/** Whether the character is one no field takes (NUL included). */
	public static boolean refused(char c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return false;
		}
		return c < 0x20 || c >= 0x7F && c <= 0x9F || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
	}

	/**
	 * The text with each refused character made visible and harmless, so that it can be stored and read, e.g. in the
	 * audit trail: NUL as ␀ (U+2400), the other C0 characters as their control pictures, the rest as U+FFFD.
	 */
	public static String visible(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder shown = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!refused(c)) {
				shown.append(c);
			}
			else if (c < 0x20) {
				shown.append((char) ('\u2400' + c));
			}
			else {
				shown.append('\uFFFD');
			}
		}
		return shown.toString();
	}
}
