package org.zhizhi.wish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One who took a wish. {@code takerId} is his account; for a partner unit its liaison took it for, the unit's id; for a
 * team or unit whose take the community recorded, an id derived from its name. {@code accountId} is whoever pressed
 * the button.
 */
public record Taker(UUID takerId, String name, TakerKind kind, UUID accountId, Instant takenAt) {

	/** The take of a volunteer team or unit that the community records by name: the same name is the same taker. */
	static Taker recordedByName(TakerKind kind, String name, UUID recordedBy, Instant at) {
		return new Taker(recordedId(kind, name), name, kind, recordedBy, at);
	}

	static UUID recordedId(TakerKind kind, String name) {
		return UUID.nameUUIDFromBytes(("wish-taker:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether the name is that of a team or unit — one the community recorded, or a partner unit its liaison took it
	 * for — rather than of a person who took it himself (a member, or a liaison not bound to a unit, under his own
	 * account name).
	 */
	public boolean isRecordedTeamOrUnit() {
		if (kind == TakerKind.MEMBER) {
			return false;
		}
		if (takerId.equals(recordedId(kind, name))) {
			return true;
		}
		// a partner unit by its own id, which is neither the liaison's account nor name-derived (version 3, as a
		// recorded id under another name would be)
		return kind == TakerKind.UNIT && takerId.version() != 3 && !takerId.equals(accountId);
	}
}
