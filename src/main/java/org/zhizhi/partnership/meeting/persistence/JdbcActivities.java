package org.zhizhi.partnership.meeting.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.meeting.ActivityKind;
import org.zhizhi.partnership.meeting.MeetingViews.JointActivity;
import org.zhizhi.partnership.meeting.MeetingViews.Participant;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.DataScope;

/** The joint activities (四同) of communities and their participants; every read bounded by a scope path. */
@Repository
public class JdbcActivities {

	private final JdbcClient jdbc;

	JdbcActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(JointActivity a, UUID districtId, String communityPath, UUID by) {
		jdbc.sql("""
				insert into partnership.joint_activity (id, district_id, community_id, community_path, kind, title,
				       held_on, place, summary, headcount, created_by, created_at)
				values (:id, :district, :community, :path, :kind, :title, :held, :place, :summary, :headcount, :by, :at)""")
			.param("id", a.id())
			.param("district", districtId)
			.param("community", a.communityId())
			.param("path", communityPath)
			.param("kind", a.kind().name())
			.param("title", a.title())
			.param("held", a.heldOn())
			.param("place", a.place(), Types.VARCHAR)
			.param("summary", a.summary(), Types.VARCHAR)
			.param("headcount", a.headcount())
			.param("by", by)
			.param("at", Timestamp.from(a.createdAt()))
			.update();
	}

	public void insertParticipant(UUID id, UUID activityId, Participant p) {
		jdbc.sql("""
				insert into partnership.joint_activity_participant (id, activity_id, kind, ref_id, name)
				values (:id, :activity, :kind, :ref, :name) on conflict do nothing""")
			.param("id", id)
			.param("activity", activityId)
			.param("kind", p.kind().name())
			.param("ref", p.refId(), Types.OTHER)
			.param("name", p.name())
			.update();
	}

	/** The activities of the scope (optionally one community) held in [from, to), the latest first. */
	public List<JointActivity> list(DataScope scope, UUID communityId, LocalDate from, LocalDate to, int limit) {
		Map<UUID, JointActivity> byId = new LinkedHashMap<>();
		jdbc.sql("""
				select id, community_id, kind, title, held_on, place, summary, headcount, created_at
				  from partnership.joint_activity
				 where community_path like :scope
				   and (cast(:community as uuid) is null or community_id = :community)
				   and held_on >= :from and held_on < :to
				 order by held_on desc, id desc limit :limit""")
			.param("scope", scope.likePattern())
			.param("community", communityId, Types.OTHER)
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query((rs, n) -> byId.put(rs.getObject("id", UUID.class),
					new JointActivity(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
							ActivityKind.valueOf(rs.getString("kind")), rs.getString("title"),
							rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("summary"),
							rs.getInt("headcount"), new ArrayList<>(), rs.getTimestamp("created_at").toInstant())))
			.list();
		if (byId.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				select activity_id, kind, ref_id, name from partnership.joint_activity_participant
				 where activity_id in (:ids) order by kind desc, name""")
			.param("ids", List.copyOf(byId.keySet()))
			.query((rs, n) -> byId.get(rs.getObject("activity_id", UUID.class))
				.participants()
				.add(new Participant(RefKind.valueOf(rs.getString("kind")), rs.getObject("ref_id", UUID.class),
						rs.getString("name"))))
			.list();
		return List.copyOf(byId.values());
	}

	/** How many activities of each kind each community of the scope held in [from, to). */
	public Map<UUID, Map<ActivityKind, Integer>> counts(DataScope scope, LocalDate from, LocalDate to) {
		Map<UUID, Map<ActivityKind, Integer>> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select community_id, kind, count(*) as n from partnership.joint_activity
				 where community_path like :scope and held_on >= :from and held_on < :to
				 group by community_id, kind""")
			.param("scope", scope.likePattern())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> counts.computeIfAbsent(rs.getObject("community_id", UUID.class), c -> new LinkedHashMap<>())
				.put(ActivityKind.valueOf(rs.getString("kind")), rs.getInt("n")))
			.list();
		return counts;
	}
}
