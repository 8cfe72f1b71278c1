package org.zhizhi.shared.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as its owner sees it.
 *
 * @param kind a message key: what the work is
 * @param total how much there is in all, or null while unknown
 * @param message a message key: why it failed, or null
 * @param resultHref where the result is shown once done (an import's report, a file's download), or null
 * @param backHref the page that started it
 */
public record Job(UUID id, String kind, JobState state, Long total, long done, String message, String resultHref,
		String backHref, Instant startedAt, Instant finishedAt) {

	public int percent() {
		return state == JobState.DONE ? 100 : JobProgress.percent(done, total);
	}

	public boolean running() {
		return state == JobState.RUNNING;
	}
}
