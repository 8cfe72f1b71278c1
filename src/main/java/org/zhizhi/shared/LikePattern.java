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
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
