package org.zhizhi.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The arithmetic behind the progress bar, and how seldom a job writes its progress down. */
class JobProgressTests {

	@Test
	void percentIsDoneOfTotalRoundedDownAndUnknownWithoutATotal() {
		JobProgress progress = new JobProgress();
		progress.advance(5);
		assertThat(progress.percent()).isEqualTo(-1);

		progress.total(300);
		assertThat(progress.done()).isEqualTo(5);
		assertThat(progress.percent()).isEqualTo(1);
		progress.advance(115);
		assertThat(progress.percent()).isEqualTo(40);
		progress.advance(179);
		assertThat(progress.percent()).as("299 of 300 is not yet done").isEqualTo(99);
		progress.advance(1);
		assertThat(progress.percent()).isEqualTo(100);
	}

	@Test
	void doneNeverPassesTheTotalAndNothingToDoIsAllDone() {
		JobProgress progress = new JobProgress();
		progress.total(10);
		progress.advance(25);
		assertThat(progress.done()).isEqualTo(10);
		assertThat(progress.percent()).isEqualTo(100);
		progress.total(4);
		assertThat(progress.done()).as("a smaller total found later clamps what was counted").isEqualTo(4);

		JobProgress empty = new JobProgress();
		empty.total(0);
		assertThat(empty.percent()).isEqualTo(100);
	}

	@Test
	void progressOnlyGoesForward() {
		JobProgress progress = new JobProgress();
		assertThatIllegalArgumentException().isThrownBy(() -> progress.advance(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> progress.total(-1));
	}

	@Test
	void writesAboutOncePerPercentNotOncePerRow() {
		JobProgress progress = new JobProgress();
		progress.total(20_000);
		assertThat(progress.worthWriting(0)).as("a new total is written at once").isTrue();
		progress.written(0);
		int writes = 0;
		for (int row = 0; row < 20_000; row++) {
			progress.advance(1);
			// the same instant throughout: only the count decides
			if (progress.worthWriting(0)) {
				progress.written(0);
				writes++;
			}
		}
		assertThat(writes).isEqualTo(100);
		assertThat(progress.worthWriting(0)).as("nothing new, nothing to write").isFalse();
	}

	@Test
	void aSlowJobIsWrittenEverySecondWithAnythingNew() {
		JobProgress progress = new JobProgress();
		progress.total(1_000_000);
		progress.written(0);
		progress.advance(1);
		assertThat(progress.worthWriting(999)).isFalse();
		assertThat(progress.worthWriting(1_000)).isTrue();
		progress.written(1_000);
		assertThat(progress.worthWriting(5_000)).as("a second without progress writes nothing").isFalse();
	}

	@Test
	void withoutATotalEveryHundredItemsAreWritten() {
		JobProgress progress = new JobProgress();
		progress.advance(1);
		assertThat(progress.worthWriting(0)).as("the first count").isTrue();
		progress.written(0);
		progress.advance(99);
		assertThat(progress.worthWriting(0)).isFalse();
		progress.advance(1);
		assertThat(progress.worthWriting(0)).as("a hundred more than last written").isTrue();
	}

	@Test
	void aJobShowsItsStateAsAPercentage() {
		Instant at = Instant.parse("2026-05-01T01:00:00Z");
		UUID id = UUID.randomUUID();
		assertThat(new Job(id, "k", JobState.RUNNING, 300L, 120, null, null, null, at, null).percent()).isEqualTo(40);
		assertThat(new Job(id, "k", JobState.RUNNING, null, 120, null, null, null, at, null).percent()).isEqualTo(-1);
		assertThat(new Job(id, "k", JobState.DONE, null, 0, null, "/x", null, at, at).percent()).isEqualTo(100);
		assertThat(new Job(id, "k", JobState.DONE, 300L, 300, null, "/x", null, at, at).running()).isFalse();
	}
}
