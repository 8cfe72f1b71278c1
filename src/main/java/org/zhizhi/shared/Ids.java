package org.zhizhi.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes the UUIDv7 keys of every table (RFC 9562): time-ordered, so inserts stay at the right edge of the primary-key
 * index instead of scattering over it the way random UUIDv4 keys do.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		return newId(Clock.systemUTC());
	}

	public static UUID newId(Clock clock) {
		long millis = clock.millis();
		long randA = RANDOM.nextInt(1 << 12);
		long msb = (millis << 16) | (0x7L << 12) | randA;
		long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(msb, lsb);
	}
}
