package org.zhizhi.deliberation.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.Ballot;
import org.zhizhi.deliberation.Elector;
import org.zhizhi.deliberation.Electorate;
import org.zhizhi.deliberation.Stance;
import org.zhizhi.deliberation.Tally;
import org.zhizhi.deliberation.TaskKind;
import org.zhizhi.deliberation.VoteChoice;

/**
 * What households and the desk add to a topic, one row each: co-signs, comments, the frozen electorate and its votes,
 * tasks and ratings. A household's row is keyed by (topic, household): its primary key — not a check before the
 * insert — decides between two submissions at once.
 */
@Repository
public class TopicRecords {


	public record Comment(UUID id, UUID replyTo, int round, Stance stance, String text, String authorName,
			boolean household, Instant postedAt) {
	}

	public record Task(UUID id, UUID topicId, String title, String owner, LocalDate dueOn, Instant addedAt,
			Instant doneAt, String doneByName, String note, TaskKind kind, UUID linkedId, String linkedState) {

		public boolean done() {
			return doneAt != null;
		}
	}


	public record Ratings(long count, BigDecimal average) {
	}

	private final JdbcClient jdbc;

	TopicRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False if the household had co-signed already. */
	public boolean cosign(UUID topicId, UUID householdId, UUID accountId, Instant at) {
		return jdbc.sql("""
				INSERT INTO deliberation.cosign (topic_id, household_id, account_id, signed_at)
				VALUES (:topic, :household, :account, :at) ON CONFLICT DO NOTHING""")
			.param("topic", topicId)
			.param("household", householdId)
			.param("account", accountId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public long cosigns(UUID topicId) {
		return jdbc.sql("SELECT count(*) FROM deliberation.cosign WHERE topic_id = :topic")
			.param("topic", topicId)
			.query(Long.class)
			.single();
	}

	public boolean cosigned(UUID topicId, UUID householdId) {
		return householdId != null && jdbc.sql("""
				SELECT count(*) FROM deliberation.cosign WHERE topic_id = :topic AND household_id = :household""")
			.param("topic", topicId)
			.param("household", householdId)
			.query(Long.class)
			.single() > 0;
	}

	public void comment(UUID id, UUID topicId, UUID replyTo, int round, Stance stance, String text, UUID householdId,
			UUID authorId, String authorName, Instant at) {
		jdbc.sql("""
				INSERT INTO deliberation.comment (id, topic_id, reply_to, round, stance, text, household_id, author_id,
				       author_name, posted_at)
				VALUES (:id, :topic, :replyTo, :round, :stance, :text, :household, :author, :name, :at)""")
			.param("id", id)
			.param("topic", topicId)
			.param("replyTo", replyTo)
			.param("round", round)
			.param("stance", stance.name())
			.param("text", text)
			.param("household", householdId)
			.param("author", authorId)
			.param("name", authorName)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The comment a reply answers: of this topic and itself no reply (one level of thread). */
	public boolean isTopLevelComment(UUID topicId, UUID commentId) {
		return jdbc.sql("""
				SELECT count(*) FROM deliberation.comment WHERE id = :id AND topic_id = :topic AND reply_to IS NULL""")
			.param("id", commentId)
			.param("topic", topicId)
			.query(Long.class)
			.single() > 0;
	}

	public List<Comment> comments(UUID topicId) {
		return jdbc.sql("""
				SELECT id, reply_to, round, stance, text, author_name, household_id IS NOT NULL, posted_at
				  FROM deliberation.comment WHERE topic_id = :topic ORDER BY posted_at, id""")
			.param("topic", topicId)
			.query((rs, n) -> new Comment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					Stance.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	public void electors(UUID topicId, List<Elector> electors) {
		for (Elector e : electors) {
			jdbc.sql("""
					INSERT INTO deliberation.elector (topic_id, household_id, dwelling_label, owner, area_m2)
					VALUES (:topic, :household, :label, :owner, :area)""")
				.param("topic", topicId)
				.param("household", e.householdId())
				.param("label", e.dwellingLabel())
				.param("owner", e.owner())
				.param("area", e.areaM2())
				.update();
		}
	}

	public boolean isElector(UUID topicId, UUID householdId) {
		return jdbc.sql("""
				SELECT count(*) FROM deliberation.elector WHERE topic_id = :topic AND household_id = :household""")
			.param("topic", topicId)
			.param("household", householdId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The household's vote: the first, or a change of it. One statement, so two submissions at once leave one row;
	 * every submission is kept in {@code vote_entry}.
	 */
	public void vote(UUID topicId, UUID householdId, VoteChoice choice, String channel, UUID ballotPhotoId, UUID by,
			String byName, Instant at) {
		jdbc.sql("""
				INSERT INTO deliberation.vote (topic_id, household_id, choice, channel, ballot_photo_id, cast_by,
				       cast_by_name, cast_at)
				VALUES (:topic, :household, :choice, :channel, :photo, :by, :name, :at)
				ON CONFLICT (topic_id, household_id) DO UPDATE
				   SET choice = excluded.choice, channel = excluded.channel, ballot_photo_id = excluded.ballot_photo_id,
				       cast_by = excluded.cast_by, cast_by_name = excluded.cast_by_name, cast_at = excluded.cast_at,
				       changes = deliberation.vote.changes + 1""")
			.param("topic", topicId)
			.param("household", householdId)
			.param("choice", choice.name())
			.param("channel", channel)
			.param("photo", ballotPhotoId)
			.param("by", by)
			.param("name", byName)
			.param("at", Timestamp.from(at))
			.update();
		jdbc.sql("""
				INSERT INTO deliberation.vote_entry (topic_id, household_id, choice, channel, ballot_photo_id, cast_by,
				       cast_at)
				VALUES (:topic, :household, :choice, :channel, :photo, :by, :at)""")
			.param("topic", topicId)
			.param("household", householdId)
			.param("choice", choice.name())
			.param("channel", channel)
			.param("photo", ballotPhotoId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	public long votesCast(UUID topicId) {
		return jdbc.sql("SELECT count(*) FROM deliberation.vote WHERE topic_id = :topic")
			.param("topic", topicId)
			.query(Long.class)
			.single();
	}

	public Optional<VoteChoice> voteOf(UUID topicId, UUID householdId) {
		return householdId == null ? Optional.empty() : jdbc.sql("""
				SELECT choice FROM deliberation.vote WHERE topic_id = :topic AND household_id = :household""")
			.param("topic", topicId)
			.param("household", householdId)
			.query((rs, n) -> VoteChoice.valueOf(rs.getString(1)))
			.optional();
	}

	/** The votes as cast now, counted against the frozen electorate. */
	public Tally tally(UUID topicId, Electorate electorate) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE v.choice = 'YES'), count(*) FILTER (WHERE v.choice = 'NO'),
				       count(*) FILTER (WHERE v.choice = 'ABSTAIN'),
				       count(*) FILTER (WHERE v.choice = 'YES' AND e.owner),
				       coalesce(sum(e.area_m2) FILTER (WHERE v.choice = 'YES' AND e.owner), 0)
				  FROM deliberation.vote v
				  JOIN deliberation.elector e ON e.topic_id = v.topic_id AND e.household_id = v.household_id
				 WHERE v.topic_id = :topic""")
			.param("topic", topicId)
			.query((rs, n) -> new Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getBigDecimal(5), electorate))
			.single();
	}

	/** Every household concerned with its vote, for the vote desk, by dwelling. */
	public List<Ballot> ballots(UUID topicId) {
		return jdbc.sql("""
				SELECT e.household_id, e.dwelling_label, e.owner, e.area_m2, v.choice, v.channel, v.cast_at
				  FROM deliberation.elector e
				  LEFT JOIN deliberation.vote v ON v.topic_id = e.topic_id AND v.household_id = e.household_id
				 WHERE e.topic_id = :topic ORDER BY e.dwelling_label, e.household_id""")
			.param("topic", topicId)
			.query((rs, n) -> new Ballot(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
					rs.getBigDecimal(4), rs.getString(5) == null ? null : VoteChoice.valueOf(rs.getString(5)),
					rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	public void task(UUID id, UUID topicId, String title, String owner, LocalDate dueOn, TaskKind kind, UUID linkedId,
			String linkedState, UUID by, Instant at) {
		jdbc.sql("""
				INSERT INTO deliberation.task (id, topic_id, title, owner, due_on, kind, linked_id, linked_state,
				                               added_by, added_at)
				VALUES (:id, :topic, :title, :owner, :due, :kind, :linked, :linkedState, :by, :at)""")
			.param("id", id)
			.param("topic", topicId)
			.param("title", title)
			.param("owner", owner)
			.param("due", dueOn)
			.param("kind", kind.name())
			.param("linked", linkedId)
			.param("linkedState", linkedState)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Marks the task done; false if it is not this topic's or was done already (the first press wins). */
	public boolean completeTask(UUID topicId, UUID taskId, String note, UUID by, String byName, Instant at) {
		return jdbc.sql("""
				UPDATE deliberation.task SET done_at = :at, done_by = :by, done_by_name = :name, note = :note
				 WHERE id = :id AND topic_id = :topic AND done_at IS NULL""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("name", byName)
			.param("note", note)
			.param("id", taskId)
			.param("topic", topicId)
			.update() == 1;
	}

	public Optional<Task> taskOf(UUID topicId, UUID taskId) {
		return tasks(topicId).stream().filter(t -> t.id().equals(taskId)).findFirst();
	}

	/** The task an incident or project was made for, locked: its listener's deliveries follow one another. */
	public Optional<Task> taskLinkedTo(TaskKind kind, UUID linkedId) {
		return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM deliberation.task WHERE kind = :kind AND linked_id = :linked"
				+ " FOR UPDATE")
			.param("kind", kind.name())
			.param("linked", linkedId)
			.query(TopicRecords::taskRow)
			.optional();
	}

	/** Where the linked object stands now, as its module says. */
	public void linkedState(UUID taskId, String state) {
		jdbc.sql("UPDATE deliberation.task SET linked_state = :state WHERE id = :id")
			.param("state", state)
			.param("id", taskId)
			.update();
	}

	public List<Task> tasks(UUID topicId) {
		return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM deliberation.task WHERE topic_id = :topic ORDER BY added_at, id")
			.param("topic", topicId)
			.query(TopicRecords::taskRow)
			.list();
	}

	private static final String TASK_COLUMNS = """
			id, topic_id, title, owner, due_on, added_at, done_at, done_by_name, note, kind, linked_id, linked_state""";

	private static Task taskRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Task(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(),
				rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
				TaskKind.valueOf(rs.getString(10)), rs.getObject(11, UUID.class), rs.getString(12));
	}

	public long openTasks(UUID topicId) {
		return jdbc.sql("SELECT count(*) FROM deliberation.task WHERE topic_id = :topic AND done_at IS NULL")
			.param("topic", topicId)
			.query(Long.class)
			.single();
	}

	/** False if the household had rated already. */
	public boolean rate(UUID topicId, UUID householdId, int stars, String comment, UUID accountId, Instant at) {
		return jdbc.sql("""
				INSERT INTO deliberation.rating (topic_id, household_id, stars, comment, account_id, rated_at)
				VALUES (:topic, :household, :stars, :comment, :account, :at) ON CONFLICT DO NOTHING""")
			.param("topic", topicId)
			.param("household", householdId)
			.param("stars", stars)
			.param("comment", comment)
			.param("account", accountId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public boolean rated(UUID topicId, UUID householdId) {
		return householdId != null && jdbc.sql("""
				SELECT count(*) FROM deliberation.rating WHERE topic_id = :topic AND household_id = :household""")
			.param("topic", topicId)
			.param("household", householdId)
			.query(Long.class)
			.single() > 0;
	}

	public Ratings ratings(UUID topicId) {
		return jdbc.sql("""
				SELECT count(*), round(avg(stars)::numeric, 1) FROM deliberation.rating WHERE topic_id = :topic""")
			.param("topic", topicId)
			.query((rs, n) -> new Ratings(rs.getLong(1), rs.getBigDecimal(2)))
			.single();
	}

	public boolean fundOpen(UUID topicId) {
		return jdbc.sql("SELECT count(*) FROM deliberation.fund WHERE topic_id = :topic")
			.param("topic", topicId)
			.query(Long.class)
			.single() > 0;
	}

	public boolean pledged(UUID topicId, UUID householdId) {
		return householdId != null && jdbc.sql("""
				SELECT count(*) FROM deliberation.fund_entry
				 WHERE topic_id = :topic AND household_id = :household AND kind = 'PLEDGE'""")
			.param("topic", topicId)
			.param("household", householdId)
			.query(Long.class)
			.single() > 0;
	}
}
