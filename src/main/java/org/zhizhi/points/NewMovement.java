package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A movement about to be written: its postings sum to zero, touch each account once and move no empty amount — what
 * double entry means; the database checks the sum again when the transaction commits. {@code sourceKey} names what
 * caused it, once (an event, a claim, a redemption step): the ledger writes a second movement of the same source never.
 */
public record NewMovement(UUID id, UUID schemeId, MovementKind kind, String sourceKey, UUID ruleId, String reason,
		UUID reverses, LocalDate expiresOn, UUID by, String byName, Instant at, UUID districtId,
		List<Posting> postings) {

	public NewMovement {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(schemeId, "schemeId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(sourceKey, "sourceKey");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(districtId, "districtId");
		postings = List.copyOf(postings);
		if (postings.size() < 2) {
			throw new IllegalArgumentException("a movement has two sides at least: " + postings);
		}
		long sum = 0;
		Set<UUID> accounts = new HashSet<>();
		for (Posting posting : postings) {
			if (posting.amount() == 0) {
				throw new IllegalArgumentException("a posting moves points: " + posting);
			}
			if (!accounts.add(posting.accountId())) {
				throw new IllegalArgumentException("an account appears once in a movement: " + posting.accountId());
			}
			sum = Math.addExact(sum, posting.amount());
		}
		if (sum != 0) {
			throw new IllegalArgumentException("the postings of a movement sum to zero, not " + sum);
		}
		if ((kind == MovementKind.REVERSAL) != (reverses != null)) {
			throw new IllegalArgumentException("a reversal, and only a reversal, names the movement it reverses");
		}
	}

	/** Two sides: {@code points} from one account to another. */
	public static List<Posting> transfer(UUID from, UUID to, long points) {
		if (points <= 0) {
			throw new IllegalArgumentException("a transfer moves a positive number of points: " + points);
		}
		return List.of(new Posting(from, -points), new Posting(to, points));
	}
}
