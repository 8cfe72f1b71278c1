package org.zhizhi.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit trail's chain: each entry's HMAC-SHA256 covers its place in the chain, the previous entry's HMAC and every
 * field of the entry, under a key kept outside the database. Whoever can write to the database but does not hold the
 * key — a superuser past the append-only triggers, a restored backup edited on the way — cannot change, remove or
 * insert an entry without the check finding the first place where the chain no longer holds. Free of Spring and SQL.
 */
public final class AuditSeal {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public AuditSeal(byte[] key) {
		if (key.length < 32) {
			throw new IllegalArgumentException("the audit key must have at least 256 bits");
		}
		this.key = new SecretKeySpec(key.clone(), ALGORITHM);
	}

	/** The instant as the database keeps it (microseconds), so that what is sealed is what is read back. */
	public static Instant stored(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	/** The seal of the entry at this place of the chain, after the entry whose seal is {@code previous}. */
	public String seal(long seq, String previous, AuditEntry entry) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return Base64.getEncoder().encodeToString(mac.doFinal(canonical(seq, previous, entry)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	/** An entry as read back from the chain. */
	public record Chained(long seq, String mac, AuditEntry entry) {
	}

	/** Where the chain stops holding, and why. */
	public record Break(long seq, UUID entryId, Instant occurredAt, Reason reason) {
	}

	public enum Reason {
		/** The entry's content or seal is not what was sealed: it was changed. */
		ALTERED,
		/** An entry is missing before this one: it was removed (or this one inserted). */
		MISSING_BEFORE,
		/** The chain ends before the head says it does: its last entries were removed. */
		CUT_SHORT
	}

	/** The outcome of a walk along the chain. */
	public record Check(long checked, Optional<Break> firstBreak) {

		public boolean intact() {
			return firstBreak.isEmpty();
		}
	}

	/**
	 * Walks the chain in order of its places and answers the first break; {@code headSeq} is the last place the chain
	 * has handed out, so that removing its end is found too.
	 */
	public Check verify(Iterator<Chained> chain, long headSeq) {
		long expected = 1;
		String previous = "";
		long checked = 0;
		Chained last = null;
		while (chain.hasNext()) {
			Chained link = chain.next();
			if (link.seq() != expected) {
				return new Check(checked, Optional.of(broken(link, Reason.MISSING_BEFORE)));
			}
			String sealed = seal(link.seq(), previous, link.entry());
			if (!MessageDigest.isEqual(sealed.getBytes(StandardCharsets.US_ASCII),
					link.mac().getBytes(StandardCharsets.US_ASCII))) {
				return new Check(checked, Optional.of(broken(link, Reason.ALTERED)));
			}
			previous = link.mac();
			expected++;
			checked++;
			last = link;
		}
		if (expected - 1 != headSeq) {
			return new Check(checked, Optional.of(last == null ? new Break(expected, null, null, Reason.CUT_SHORT)
					: new Break(expected, last.entry().id(), last.entry().occurredAt(), Reason.CUT_SHORT)));
		}
		return new Check(checked, Optional.empty());
	}

	private static Break broken(Chained link, Reason reason) {
		return new Break(link.seq(), link.entry().id(), link.entry().occurredAt(), reason);
	}

	/** Every field, each with its length, so that no two different entries give the same bytes. */
	static byte[] canonical(long seq, String previous, AuditEntry e) {
		StringBuilder text = new StringBuilder();
		field(text, Long.toString(seq));
		field(text, previous);
		field(text, e.id().toString());
		field(text, stored(e.occurredAt()).toString());
		field(text, e.actorId() == null ? null : e.actorId().toString());
		field(text, e.username());
		field(text, e.scopePath());
		field(text, e.remoteAddress());
		field(text, e.action());
		field(text, e.objectType());
		field(text, e.objectId());
		field(text, e.outcome().name());
		field(text, e.detail());
		// the names came later: an entry without them is sealed as before, so the entries sealed then still hold;
		// one with them is sealed with them (taking them off is then a change the check finds)
		if (e.named()) {
			field(text, e.actorName());
			field(text, e.objectKind());
			field(text, e.objectName());
			field(text, e.subject());
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void field(StringBuilder text, String value) {
		if (value == null) {
			text.append("-1:");
		}
		else {
			text.append(value.length()).append(':').append(value);
		}
		text.append(';');
	}
}
