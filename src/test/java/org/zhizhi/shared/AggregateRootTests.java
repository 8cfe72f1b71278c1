package org.zhizhi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What every repository relies on: events are published once, oldest first, and a save moves the version on. */
class AggregateRootTests {

	static final class Counter extends AggregateRoot<String> {

		Counter() {
			super(3);
		}

		void step(String what) {
			register(what);
		}
	}

	@Test
	void theRegisteredEventsArePublishedOnceOldestFirst() {
		Counter counter = new Counter();
		counter.step("first");
		counter.step("second");
		List<String> published = new ArrayList<>();

		counter.publishEvents(published::add);
		counter.publishEvents(published::add);

		assertThat(published).containsExactly("first", "second");
		assertThat(counter.events()).isEmpty();
	}

	@Test
	void aSaveMovesTheVersionOnAndClearingForgetsEventsUnpublished() {
		Counter counter = new Counter();
		counter.step("imported");
		counter.clearEvents();
		counter.saved();

		assertThat(counter.version()).isEqualTo(4);
		assertThat(counter.events()).isEmpty();
	}
}
