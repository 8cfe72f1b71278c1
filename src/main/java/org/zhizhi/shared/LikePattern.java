package org.zhizhi.shared;

/**
 * A user's search text as a bound LIKE pattern: "contains", with the wildcards {@code %} and {@code _} and the escape
 * character taken literally. Queries use it with {@code LIKE :pattern ESCAPE '\'}.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/** {@code %text%} with the text escaped; {@code null} for no text, so that the filter matches everything. */
	public static String contains(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return "%" + escape(text.strip()) + "%";
	}

	/**
	 * {@code text%} with the text escaped: "starts with", which a {@code text_pattern_ops} index answers (names in
	 * a ledger are looked up by their beginning); {@code null} for no text.
	 */
	public static String startsWith(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return escape(text.strip()) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
