package org.zhizhi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.zhizhi.shared.PlatformZone;

/**
 * The platform's clock in the integration tests: it starts at a fixed instant (not the day the suite happens to run)
 * and then runs with the real time, so that timestamps taken one after the other still differ and keep their order.
 * A test that needs time to pass moves it forward with {@link #advance} — by seconds, not days: the platform's own
 * schedules (the overdue sweep, the event registry's retries) read this clock too, and a test that jumps a month ahead
 * hands them a month while it runs; a job that takes "now" as an argument is given a later instant instead.
 * {@link #reset()} (called before every test by {@link TestClockReset}) puts it back at the fixed start plus the real
 * time elapsed, so that no test inherits another one's future.
 *
 * <p>The start is a Wednesday morning in Chongqing, far from midnight, month ends, year ends and public holidays:
 * a whole run of the suite lasts minutes, and nothing a test does depends on the day the machine thinks it is. Set
 * the system property {@code zhizhi.test.now} (an ISO instant) to run the suite at another moment — the way to look
 * for code that breaks at a year's end, say.
 */
public final class TestClock extends Clock {

	/** 2026-06-10 10:00 in Chongqing. */
	public static final Instant DEFAULT_START = Instant.parse("2026-06-10T02:00:00Z");

	public static final ZoneId CHINA = PlatformZone.DEFAULT;

	private final Instant start;

	private final long startNanos;

	private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

	TestClock(Instant start) {
		this.start = start;
		this.startNanos = System.nanoTime();
	}

	static TestClock fromSystemProperty() {
		String configured = System.getProperty("zhizhi.test.now", "");
		return new TestClock(configured.isBlank() ? DEFAULT_START : Instant.parse(configured));
	}

	/** Moves "now" forward (or back, with a negative duration) for every bean of the platform. */
	public void advance(Duration by) {
		shift.updateAndGet(current -> current.plus(by));
	}

	/** The clock of the context of the test running now (set before each test), for helpers made without Spring. */
	private static volatile TestClock current;

	static void makeCurrent(TestClock clock) {
		current = clock;
	}

	/** The platform's clock in the running integration test: what an authenticator app beside it would show. */
	public static TestClock current() {
		if (current == null) {
			throw new IllegalStateException("no integration test is running");
		}
		return current;
	}

	/** Undoes every {@link #advance}. */
	public void reset() {
		shift.set(Duration.ZERO);
	}

	/** Today in Chongqing, as the platform sees it. */
	public LocalDate today() {
		return LocalDate.ofInstant(instant(), CHINA);
	}

	/** The local date and time in Chongqing, as the platform sees it. */
	public LocalDateTime localNow() {
		return LocalDateTime.ofInstant(instant(), CHINA);
	}

	public int year() {
		return today().getYear();
	}

	@Override
	public Instant instant() {
		// microseconds, as PostgreSQL keeps a timestamptz: a value read back equals the one written
		long elapsedMicros = (System.nanoTime() - startNanos) / 1_000;
		return start.plus(Duration.ofNanos(elapsedMicros * 1_000)).plus(shift.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** The platform only ever asks for a zone to read a local date; every view shares the same "now". */
	@Override
	public Clock withZone(ZoneId zone) {
		return new Zoned(this, zone);
	}

	private static final class Zoned extends Clock {

		private final TestClock clock;

		private final ZoneId zone;

		Zoned(TestClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return new Zoned(clock, other);
		}
	}
}
