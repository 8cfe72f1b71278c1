package org.zhizhi.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a timeline entry says beyond who, when and which step, as typed data: the choice a step made (a triage, a
 * whistle and how it was dispatched, a reason, a rating, a card …). Stored as {@code jsonb} beside the person's own
 * note, so that pages put it in words without parsing text — a note that happens to start with {@code PUBLIC: } stays a
 * note. {@link #legacy} writes the {@code detail} text that API clients have read since the first release.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = TimelineDetail.Reported.class, name = "REPORTED"),
		@JsonSubTypes.Type(value = TimelineDetail.Rejected.class, name = "REJECTED"),
		@JsonSubTypes.Type(value = TimelineDetail.Triaged.class, name = "TRIAGED"),
		@JsonSubTypes.Type(value = TimelineDetail.Whistled.class, name = "WHISTLED"),
		@JsonSubTypes.Type(value = TimelineDetail.Assigned.class, name = "ASSIGNED"),
		@JsonSubTypes.Type(value = TimelineDetail.CheckedIn.class, name = "CHECKED_IN"),
		@JsonSubTypes.Type(value = TimelineDetail.Escalated.class, name = "ESCALATED"),
		@JsonSubTypes.Type(value = TimelineDetail.Urged.class, name = "URGED"),
		@JsonSubTypes.Type(value = TimelineDetail.ExtensionAsked.class, name = "EXTENSION_ASKED"),
		@JsonSubTypes.Type(value = TimelineDetail.ExtensionDecided.class, name = "EXTENSION_DECIDED"),
		@JsonSubTypes.Type(value = TimelineDetail.Rated.class, name = "RATED"),
		@JsonSubTypes.Type(value = TimelineDetail.PartStep.class, name = "PART"),
		@JsonSubTypes.Type(value = TimelineDetail.Photo.class, name = "PHOTO") })
public sealed interface TimelineDetail {

	/** The deadline the overdue sweep acted on. */
	enum Deadline {
		RESPOND, RESOLVE
	}

	/** The {@code detail} text of the first API version, with the person's note. */
	String legacy(String note);

	/** The channel a report came in through. */
	record Reported(Channel channel) implements TimelineDetail {

		public String legacy(String note) {
			return channel.name();
		}
	}

	record Rejected(RejectReason reason) implements TimelineDetail {

		public String legacy(String note) {
			return join(reason.name(), note);
		}
	}

	record Triaged(Triage triage) implements TimelineDetail {

		public String legacy(String note) {
			return join(triage.name(), note);
		}
	}

	record Whistled(WhistleType type, DispatchMode mode) implements TimelineDetail {

		public String legacy(String note) {
			return join(type.name(), join(mode.name(), note));
		}
	}

	/** Whom an order was given: a member or a unit by name, and how many co-units a tough whistle brought in. */
	record Assigned(String to, int coUnits) implements TimelineDetail {

		public String legacy(String note) {
			return join(to + (coUnits == 0 ? "" : " +" + coUnits), note);
		}
	}

	record CheckedIn(double distanceM, boolean flagged) implements TimelineDetail {

		public String legacy(String note) {
			String measured = String.format(Locale.ROOT, "%s%.0f m", flagged ? "FLAGGED " : "", distanceM);
			return note == null ? measured : measured + ": " + note;
		}
	}

	/** One tier up; {@code overdueSince} is the respond deadline when the sweep raised it, null when a person did. */
	record Escalated(Tier from, Tier to, Instant overdueSince) implements TimelineDetail {

		public String legacy(String note) {
			return join(from.name() + "→" + to.name(),
					overdueSince == null ? note : "AUTO respond overdue " + overdueSince);
		}
	}

	/** A card; {@code overdue} and {@code due} say which passed deadline the sweep carded, null for a person's card. */
	record Urged(UrgeCard card, Deadline overdue, Instant due) implements TimelineDetail {

		public String legacy(String note) {
			return join(card.name(), overdue == null ? note
					: "AUTO " + overdue.name().toLowerCase(Locale.ROOT) + " overdue " + due);
		}
	}

	record ExtensionAsked(int hours) implements TimelineDetail {

		public String legacy(String note) {
			return join(hours + "h", note);
		}
	}

	/** The tier above's decision: the new resolution deadline if approved, null if refused. */
	record ExtensionDecided(int hours, Instant newResolveDue) implements TimelineDetail {

		public String legacy(String note) {
			return join(hours + "h" + (newResolveDue == null ? "" : " → " + newResolveDue), note);
		}
	}

	/** The reporter's rating; the note is his comment. */
	record Rated(Rating rating) implements TimelineDetail {

		public String legacy(String note) {
			return join(rating.name(), note);
		}
	}

	/** A co-unit's step on its part of a tough whistle. */
	record PartStep(String unit) implements TimelineDetail {

		public String legacy(String note) {
			return join(unit, note);
		}
	}

	record Photo(UUID photoId) implements TimelineDetail {

		public String legacy(String note) {
			return photoId.toString();
		}
	}

	private static String join(String head, String note) {
		return note == null ? head : head + ": " + note;
	}
}
