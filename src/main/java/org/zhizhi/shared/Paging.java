package org.zhizhi.shared;

/**
 * Page numbers taken from requests, made safe for {@code LIMIT … OFFSET …}: a negative page is the first, and an absurd
 * one cannot overflow into a negative offset (which PostgreSQL refuses with an error).
 */
public final class Paging {

	public static final int MAX_PAGE = 100_000;

	private Paging() {
	}

	public static int offset(int page, int size) {
		return Math.min(Math.max(page, 0), MAX_PAGE) * Math.max(size, 0);
	}
}
