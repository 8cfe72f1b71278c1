package org.zhizhi.volunteer.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.volunteer.PostKind;
import org.zhizhi.volunteer.VolunteerPost;

/** Posts held and given up; one post of a kind a person holds at a time (the partial unique index decides). */
@Repository
public class JdbcPosts {

	private static final String COLUMNS = """
			id, org_unit_id, org_unit_name, scope_path, kind, holder_id, holder_name, duty, claimed_at, released_at""";

	private final JdbcClient jdbc;

	JdbcPosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False if he holds a post of this kind already. */
	public boolean claim(VolunteerPost post) {
		return jdbc.sql("INSERT INTO volunteer.post (" + COLUMNS + """
				) VALUES (:id, :unit, :unitName, :scope, :kind, :holder, :holderName, :duty, :at, NULL)
				ON CONFLICT DO NOTHING""")
			.param("id", post.id())
			.param("unit", post.orgUnitId())
			.param("unitName", post.orgUnitName())
			.param("scope", post.scopePath())
			.param("kind", post.kind().name())
			.param("holder", post.holderId())
			.param("holderName", post.holderName())
			.param("duty", post.duty())
			.param("at", Timestamp.from(post.claimedAt()))
			.update() == 1;
	}

	/** False if it is not his or was given up already. */
	public boolean release(UUID id, UUID holderId, Instant at) {
		return jdbc.sql("UPDATE volunteer.post SET released_at = :at WHERE id = :id AND holder_id = :holder"
				+ " AND released_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("holder", holderId)
			.update() == 1;
	}

	/** The posts held in the scope, by kind and place. */
	public List<VolunteerPost> held(DataScope scope) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.post WHERE scope_path LIKE :scope AND released_at IS NULL"
				+ " ORDER BY kind, org_unit_name, claimed_at")
			.param("scope", scope.likePattern())
			.query(JdbcPosts::post)
			.list();
	}

	/** How many posts are held in the scope (the on-duty figure counts them; it needs no rows). */
	public long countHeld(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM volunteer.post WHERE scope_path LIKE :scope AND released_at IS NULL")
			.param("scope", scope.likePattern())
			.query(Long.class)
			.single();
	}

	/** The posts held in the scope at a place under one of {@code subtrees} or exactly at one of {@code nodes}. */
	public List<VolunteerPost> heldAt(DataScope scope, Collection<String> subtrees, Collection<String> nodes) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM volunteer.post
				WHERE scope_path LIKE :scope AND released_at IS NULL
				  AND (scope_path LIKE ANY (:subtrees) OR scope_path = ANY (:nodes))
				ORDER BY kind, org_unit_name, claimed_at, id""")
			.param("scope", scope.likePattern())
			.param("subtrees", subtrees.stream().map(p -> p + "%").toArray(String[]::new))
			.param("nodes", nodes.toArray(String[]::new))
			.query(JdbcPosts::post)
			.list();
	}

	public Optional<VolunteerPost> post(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.post WHERE id = :id")
			.param("id", id)
			.query(JdbcPosts::post)
			.optional();
	}

	static VolunteerPost post(ResultSet rs, int n) throws SQLException {
		Timestamp released = rs.getTimestamp(10);
		return new VolunteerPost(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), PostKind.valueOf(rs.getString(5)), rs.getObject(6, UUID.class), rs.getString(7),
				rs.getString(8), rs.getTimestamp(9).toInstant(), released == null ? null : released.toInstant());
	}
}
