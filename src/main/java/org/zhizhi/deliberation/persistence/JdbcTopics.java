package org.zhizhi.deliberation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.Electorate;
import org.zhizhi.deliberation.PlaceKind;
import org.zhizhi.deliberation.RaisedThrough;
import org.zhizhi.deliberation.Tally;
import org.zhizhi.deliberation.Topic;
import org.zhizhi.deliberation.TopicEvent;
import org.zhizhi.deliberation.TopicState;
import org.zhizhi.deliberation.VoteRule;
import org.zhizhi.shared.DataScope;

/**
 * The topic row: inserted once, then saved {@code WHERE id = ? AND version = ?} — 0 rows means someone changed it
 * first — and its events published after the save. A step that must not overlap a vote loads the row {@code FOR UPDATE};
 * a vote holds it {@code FOR SHARE}, so that closing a vote or changing its rule waits for the votes being cast.
 */
@Repository
public class JdbcTopics {

	/** How the step reads the row: as it is, or locked against the steps it must not overlap. */
	public enum Lock {
		NONE(""), SHARE(" FOR SHARE"), UPDATE(" FOR UPDATE");

		private final String sql;

		Lock(String sql) {
			this.sql = sql;
		}
	}

	static final String COLUMNS = """
			id, district_id, community_id, place_kind, place_id, place_name, building_id, estate_id, scope_path, title,
			description, raised_through, raised_by, raised_by_name, raised_by_household, source_incident_id, raised_at,
			cosign_threshold, state, round, vote_rule, electorate_households, electorate_owners, electorate_owner_area,
			voting_opened_at, voting_closes_on, decision_passed, decision_note, decided_by, decided_by_name, decided_at,
			final_yes, final_no, final_abstain, final_owners_yes, final_owners_yes_area, merged_into, updated_at, version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcTopics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public void insert(Topic topic) {
		String names = COLUMNS.replaceAll("\\s+", " ");
		String values = ":" + String.join(", :", names.split(",\\s*"));
		jdbc.sql("INSERT INTO deliberation.topic (" + names + ") VALUES (" + values + ")").params(params(topic)).update();
		topic.publishEvents(events::publishEvent);
	}

	/** Saves the step against the version it was loaded with; false if someone else saved first. */
	public boolean save(Topic topic) {
		Map<String, Object> params = params(topic);
		int rows = jdbc.sql("""
				UPDATE deliberation.topic SET state = :state, round = :round, vote_rule = :vote_rule,
				       electorate_households = :electorate_households, electorate_owners = :electorate_owners,
				       electorate_owner_area = :electorate_owner_area, voting_opened_at = :voting_opened_at,
				       voting_closes_on = :voting_closes_on, decision_passed = :decision_passed,
				       decision_note = :decision_note, decided_by = :decided_by, decided_by_name = :decided_by_name,
				       decided_at = :decided_at, final_yes = :final_yes, final_no = :final_no,
				       final_abstain = :final_abstain, final_owners_yes = :final_owners_yes,
				       final_owners_yes_area = :final_owners_yes_area, merged_into = :merged_into,
				       updated_at = :updated_at, version = version + 1
				 WHERE id = :id AND version = :version""").params(params).update();
		if (rows != 1) {
			return false;
		}
		topic.saved();
		topic.publishEvents(events::publishEvent);
		return true;
	}

	/** Publishes the events of a step that changed no field of the topic (a co-sign, a vote, a rating). */
	public void told(Topic topic) {
		topic.publishEvents(events::publishEvent);
	}

	public Optional<Topic> topic(UUID id, Lock lock) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.topic WHERE id = :id" + lock.sql)
			.param("id", id)
			.query(JdbcTopics::topic)
			.optional();
	}

	/** Topics of the scope, newest first, optionally of some states. */
	public List<Topic> inScope(DataScope scope, List<TopicState> states, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.topic WHERE scope_path LIKE :scope"
				+ (states.isEmpty() ? "" : " AND state IN (:states)") + " ORDER BY raised_at DESC, id LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("states", states.isEmpty() ? List.of("-") : states.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(JdbcTopics::topic)
			.list();
	}

	/** Topics concerning a home: of its building, of its estate, of its community. */
	public List<Topic> ofHome(UUID buildingId, UUID estateId, UUID communityId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.topic " + """
				 WHERE (place_kind = 'BUILDING' AND building_id = :building)
				    OR (place_kind = 'ESTATE' AND estate_id = :estate)
				    OR (place_kind = 'COMMUNITY' AND community_id = :community)
				 ORDER BY raised_at DESC, id LIMIT :limit""")
			.param("building", buildingId)
			.param("estate", estateId)
			.param("community", communityId)
			.param("limit", limit)
			.query(JdbcTopics::topic)
			.list();
	}

	/** The topic an incident was turned into, if it was. */
	public Optional<UUID> ofIncident(UUID incidentId) {
		return jdbc.sql("SELECT id FROM deliberation.topic WHERE source_incident_id = :incident")
			.param("incident", incidentId)
			.query(UUID.class)
			.optional();
	}

	/** The decided topics of an estate and its buildings, newest decision first: its public page. */
	public List<Topic> decidedOfEstate(UUID estateId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.topic " + """
				 WHERE estate_id = :estate AND decision_passed IS NOT NULL
				   AND state IN ('PASSED', 'FAILED', 'EXECUTING', 'EVALUATING', 'CLOSED')
				 ORDER BY decided_at DESC, id LIMIT 50""")
			.param("estate", estateId)
			.query(JdbcTopics::topic)
			.list();
	}

	public void timeline(TopicEvent event) {
		jdbc.sql("""
				INSERT INTO deliberation.timeline (topic_id, action, state, actor_id, actor_name, at, note)
				VALUES (:topic, :action, :state, :actor, :name, :at, :note)""")
			.param("topic", event.topicId())
			.param("action", event.action().name())
			.param("state", event.state().name())
			.param("actor", event.by())
			.param("name", event.byName())
			.param("at", Timestamp.from(event.at()))
			.param("note", event.note())
			.update();
	}

	/** One entry of a topic's timeline, as stored. */
	public record TimelineRow(String action, String state, String actorName, Instant at, String note) {
	}

	public List<TimelineRow> timelineOf(UUID topicId) {
		return jdbc.sql("""
				SELECT action, state, actor_name, at, note FROM deliberation.timeline
				 WHERE topic_id = :topic ORDER BY at, ctid""")
			.param("topic", topicId)
			.query((rs, n) -> new TimelineRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	private static Map<String, Object> params(Topic t) {
		Map<String, Object> p = new LinkedHashMap<>();
		Topic.Place place = t.place();
		p.put("id", t.id());
		p.put("district_id", place.districtId());
		p.put("community_id", place.communityId());
		p.put("place_kind", place.kind().name());
		p.put("place_id", place.id());
		p.put("place_name", place.name());
		p.put("building_id", place.buildingId());
		p.put("estate_id", place.estateId());
		p.put("scope_path", place.scopePath());
		p.put("title", t.title());
		p.put("description", t.description());
		p.put("raised_through", t.raisedThrough().name());
		p.put("raised_by", t.raisedBy());
		p.put("raised_by_name", t.raisedByName());
		p.put("raised_by_household", t.raisedByHousehold());
		p.put("source_incident_id", t.sourceIncidentId());
		p.put("raised_at", Timestamp.from(t.raisedAt()));
		p.put("cosign_threshold", t.cosignThreshold());
		p.put("state", t.state().name());
		p.put("round", t.round());
		p.put("vote_rule", t.voteRule() == null ? null : t.voteRule().name());
		Electorate e = t.electorate();
		p.put("electorate_households", e == null ? null : e.households());
		p.put("electorate_owners", e == null ? null : e.owners());
		p.put("electorate_owner_area", e == null ? null : e.ownerArea());
		p.put("voting_opened_at", t.votingOpenedAt() == null ? null : Timestamp.from(t.votingOpenedAt()));
		p.put("voting_closes_on", t.votingClosesOn());
		Topic.Decision d = t.decision();
		p.put("decision_passed", d == null ? null : d.passed());
		p.put("decision_note", d == null ? null : d.note());
		p.put("decided_by", d == null ? null : d.by());
		p.put("decided_by_name", d == null ? null : d.byName());
		p.put("decided_at", d == null ? null : Timestamp.from(d.at()));
		Tally tally = d == null ? null : d.tally();
		p.put("final_yes", tally == null ? null : tally.yes());
		p.put("final_no", tally == null ? null : tally.no());
		p.put("final_abstain", tally == null ? null : tally.abstain());
		p.put("final_owners_yes", tally == null ? null : tally.ownersYes());
		p.put("final_owners_yes_area", tally == null ? null : tally.ownersYesArea());
		p.put("merged_into", t.mergedInto());
		p.put("updated_at", Timestamp.from(t.updatedAt()));
		p.put("version", t.version());
		return p;
	}

	private static Topic topic(ResultSet rs, int row) throws SQLException {
		Topic.Place place = new Topic.Place(PlaceKind.valueOf(rs.getString("place_kind")),
				rs.getObject("place_id", UUID.class), rs.getString("place_name"),
				rs.getObject("building_id", UUID.class), rs.getObject("estate_id", UUID.class),
				rs.getObject("community_id", UUID.class), rs.getObject("district_id", UUID.class),
				rs.getString("scope_path"));
		Electorate electorate = rs.getObject("electorate_households") == null ? null
				: new Electorate(rs.getLong("electorate_households"), rs.getLong("electorate_owners"),
						rs.getBigDecimal("electorate_owner_area"));
		Topic.Decision decision = null;
		if (rs.getObject("decision_passed") != null) {
			Tally tally = rs.getObject("final_yes") == null ? null
					: new Tally(rs.getLong("final_yes"), rs.getLong("final_no"), rs.getLong("final_abstain"),
							rs.getLong("final_owners_yes"), rs.getBigDecimal("final_owners_yes_area"), electorate);
			decision = new Topic.Decision(rs.getBoolean("decision_passed"), rs.getString("decision_note"),
					rs.getObject("decided_by", UUID.class), rs.getString("decided_by_name"), instant(rs, "decided_at"),
					tally);
		}
		String rule = rs.getString("vote_rule");
		return new Topic(rs.getObject("id", UUID.class), place, rs.getString("title"), rs.getString("description"),
				RaisedThrough.valueOf(rs.getString("raised_through")), rs.getObject("raised_by", UUID.class),
				rs.getString("raised_by_name"), rs.getObject("raised_by_household", UUID.class),
				rs.getObject("source_incident_id", UUID.class), instant(rs, "raised_at"), rs.getInt("cosign_threshold"),
				TopicState.valueOf(rs.getString("state")), rs.getInt("round"),
				rule == null ? null : VoteRule.valueOf(rule), electorate, instant(rs, "voting_opened_at"),
				rs.getObject("voting_closes_on", LocalDate.class), decision, rs.getObject("merged_into", UUID.class),
				instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
