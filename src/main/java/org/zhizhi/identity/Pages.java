package org.zhizhi.identity;

/** Page numbers from requests, made safe: negative pages are the first, and absurd ones cannot overflow an offset. */
final class Pages {

	static final int MAX_PAGE = 100_000;

	private Pages() {
	}

	static int offset(int page, int size) {
		return Math.min(Math.max(page, 0), MAX_PAGE) * size;
	}
}
