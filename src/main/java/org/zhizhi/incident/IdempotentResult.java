package org.zhizhi.incident;

import java.nio.charset.StandardCharsets;

/**
 * The answer to a submission, stored under its Idempotency-Key so that a replay gets exactly the same: its JSON as the
 * bytes the response sends (issue 16: serialised once, on the request thread, and those very bytes both stored and
 * returned). Compared by identity, as arrays are.
 */
public record IdempotentResult(int status, byte[] body) {

	IdempotentResult(int status, String body) {
		this(status, body.getBytes(StandardCharsets.UTF_8));
	}

	/** The answer as text, as the key stores it. */
	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}
}
