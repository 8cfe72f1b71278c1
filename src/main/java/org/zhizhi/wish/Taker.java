package org.zhizhi.wish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One who took a wish. {@code takerId} is his account, or for a team or unit whose take the community recorded, an id
 * derived from its name; {@code accountId} is whoever pressed the button.
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
	 * Whether the name is that of a team or unit the community recorded, rather than of a person who took it himself
	 * (a member, or a unit's liaison under his own account name).
	 */
	public boolean isRecordedTeamOrUnit() {
		return kind != TakerKind.MEMBER && takerId.equals(recordedId(kind, name));
	}
}
