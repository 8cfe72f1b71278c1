package org.zhizhi.incident;

/** The answer to a submission, stored under its Idempotency-Key so that a replay gets exactly the same. */
public record IdempotentResult(int status, String body) {
}
