package org.zhizhi.shared.jobs;

/** Where a job is: running, done with a result, or failed (also when it was cut off by a restart). */
public enum JobState {
	RUNNING, DONE, FAILED
}
