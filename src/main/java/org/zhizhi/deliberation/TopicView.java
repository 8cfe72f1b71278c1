package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.deliberation.TopicState.Stage;

/**
 * A topic as its households and the desk see it: where it stands, what was decided and done, the live count of its
 * vote (aggregate only: which household voted how is the vote desk's), the caller's own part and the steps he may take
 * now ({@link TopicPolicy#allowedActions}). No resident's name: comments are signed as their authors chose to sign.
 */
public record TopicView(UUID id, PlaceKind placeKind, UUID placeId, String placeName, String title,
		String description, TopicState state, Stage stage, RaisedThrough raisedThrough, String raisedByName,
		Instant raisedAt, UUID sourceIncidentId, long cosigns, int cosignThreshold, int round, VoteRule voteRule,
		LocalDate votingClosesOn, Count count, Decision decision, List<Task> tasks, Ratings ratings, FundView fund,
		List<Comment> comments, List<Entry> timeline, Mine mine, Set<TopicAction> allowedActions, int version) {

	/**
	 * The vote as counted now (or finally): yes, no, abstaining, turnout against the households concerned, and — for
	 * 双过半 — the owners and floor area saying yes against all owners and their area.
	 */
	public record Count(long yes, long no, long abstain, long cast, long households, BigDecimal turnoutPercent,
			long ownersYes, long owners, BigDecimal ownersYesArea, BigDecimal ownerArea, boolean passingNow) {

		static Count of(Tally tally, VoteRule rule) {
			return new Count(tally.yes(), tally.no(), tally.abstain(), tally.cast(), tally.electorate().households(),
					tally.turnoutPercent(), tally.ownersYes(), tally.electorate().owners(), tally.ownersYesArea(),
					tally.electorate().ownerArea(), rule.byHouseholds() && rule.passes(tally));
		}
	}

	public record Decision(boolean passed, String note, String byName, Instant at) {
	}

	/**
	 * A task; {@code linkedId} is the incident or project it became ({@code kind}), {@code linkedState} where that one
	 * stands (an {@code IncidentState} or {@code ItemStatus} name); {@code byHand} whether a person may still mark it
	 * done (an open plain task, or an open linked one whose object ended without being done).
	 */
	public record Task(UUID id, String title, String owner, LocalDate dueOn, boolean done, Instant doneAt,
			String doneByName, String note, TaskKind kind, UUID linkedId, String linkedState, boolean byHand) {
	}

	public record Ratings(long count, BigDecimal average) {
	}

	public record Comment(UUID id, UUID replyTo, int round, Stance stance, String text, String authorName,
			boolean household, Instant postedAt) {
	}

	public record Entry(TopicAction action, TopicState state, String actorName, Instant at, String note) {
	}

	/** The caller's household's part: it co-signed, how it voted, whether it rated. */
	public record Mine(boolean household, boolean cosigned, VoteChoice vote, boolean rated) {
	}
}
