package org.zhizhi.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * Slows guessing down instead of locking accounts (issue 11: five wrong passwords from anyone used to lock anyone out
 * for 15 minutes, and the answer told real accounts from unknown ones). Token buckets (Bucket4j), keyed by the name
 * typed — real or not, so an unknown name is throttled exactly like a real one — and by the client:
 * <ul>
 * <li><b>name and client</b>: {@code max-failed-logins} free attempts, then one per {@code throttle.step}, after twice
 * as many one per 4 × step, after four times as many one per {@code lock-duration}: the wait grows with the guessing,
 * and the guesser slows himself down, not the holder signing in from elsewhere;</li>
 * <li><b>name</b> from any client: a looser limit against guesses spread over many addresses;</li>
 * <li><b>client</b> for any name: against one address trying many names.</li>
 * </ul>
 * An attempt takes a token from each before the password is checked (so a burst cannot slip past); a right password
 * gives them back and clears the name-and-client bucket. Time is the platform's {@link Clock}, so tests move it
 * instead of sleeping. The buckets live in this node's memory (forgotten after a day unused): several nodes would each
 * keep their own — Bucket4j's PostgreSQL proxy manager would share them.
 */
@Component
public class SignInThrottle {

	/** What a sign-in attempt may do now. */
	public record Verdict(boolean allowed, Duration retryAfter) {

		static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);
	}

	private final SignInProperties settings;

	private final ThrottleProperties throttle;

	private final Clock clock;

	private final TimeMeter time;

	private final Cache<String, Bucket> pairs;

	private final Cache<String, Bucket> names;

	private final Cache<String, Bucket> clients;

	/** Until when each name was last held back, for the account pages. */
	private final Cache<String, Instant> heldBack;

	SignInThrottle(SignInProperties settings, ThrottleProperties throttle, Clock clock) {
		this.settings = settings;
		this.throttle = throttle;
		this.clock = clock;
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
		this.pairs = cache();
		this.names = cache();
		this.clients = cache();
		this.heldBack = cache();
	}

	/** Takes one attempt for this name from this client, or says how long to wait. */
	public Verdict tryAttempt(String username, String client) {
		String name = normalise(username);
		List<Bucket> taken = new ArrayList<>(3);
		for (Bucket bucket : List.of(pairs.get(name + '\u0000' + client, k -> pairBucket()),
				names.get(name, k -> nameBucket()), clients.get(client, k -> clientBucket()))) {
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				// the attempt is refused as a whole: give back what the other buckets lent it
				taken.forEach(b -> b.addTokens(1));
				Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
				heldBack.put(name, clock.instant().plus(wait));
				return new Verdict(false, wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
			}
			taken.add(bucket);
		}
		return Verdict.ALLOWED;
	}

	/** A right password: the attempt is given back and this client starts again for this name. */
	public void succeeded(String username, String client) {
		String name = normalise(username);
		pairs.invalidate(name + '\u0000' + client);
		Optional.ofNullable(names.getIfPresent(name)).ifPresent(b -> b.addTokens(1));
		Optional.ofNullable(clients.getIfPresent(client)).ifPresent(b -> b.addTokens(1));
		heldBack.invalidate(name);
	}

	/** Whether sign-ins for this name are being held back now (shown to the account's managers as 锁定/限流). */
	public boolean heldBack(String username) {
		Instant until = heldBack.getIfPresent(normalise(username));
		return until != null && until.isAfter(clock.instant());
	}

	/** A manager lets the holder in again at once: every bucket of the name, from every client, starts afresh. */
	public void release(String username) {
		String name = normalise(username);
		names.invalidate(name);
		heldBack.invalidate(name);
		pairs.asMap().keySet().removeIf(key -> key.startsWith(name + '\u0000'));
	}

	private Bucket pairBucket() {
		// a few attempts at once, then one per step; more failures, longer steps: the wait grows with the guessing
		int free = settings.maxFailedLogins();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(free).refillGreedy(free, throttle.step().multipliedBy(free))
				.build())
			.addLimit(Bandwidth.builder().capacity(2L * free)
				.refillGreedy(2L * free, throttle.step().multipliedBy(2L * free * 4)).build())
			.addLimit(Bandwidth.builder().capacity(4L * free).refillGreedy(4L * free, settings.lockDuration()
				.multipliedBy(4L * free)).build())
			.withCustomTimePrecision(time)
			.build();
	}

	private Bucket nameBucket() {
		long perHour = throttle.perNameHourly();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.withCustomTimePrecision(time)
			.build();
	}

	private Bucket clientBucket() {
		long perMinute = throttle.perClientMinutely();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.withCustomTimePrecision(time)
			.build();
	}

	private static <V> Cache<String, V> cache() {
		return Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(200_000).build();
	}

	private static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}
}
