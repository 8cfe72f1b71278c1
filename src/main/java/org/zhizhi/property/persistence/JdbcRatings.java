package org.zhizhi.property.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.Grade;
import org.zhizhi.property.PropertyViews.RatingView;
import org.zhizhi.shared.DataScope;

/** Yearly ratings: one per company and year, never changed once given. */
@Repository
public class JdbcRatings {

	private static final String COLUMNS = """
			r.id, r.company_id, c.name, r.year, r.score, r.grade, r.titled, r.rated_at
			FROM property.rating r JOIN property.company c ON c.id = r.company_id""";

	private final JdbcClient jdbc;

	JdbcRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False if the company is rated for that year already. */
	public boolean insert(UUID id, UUID companyId, int year, BigDecimal score, Grade grade, boolean titled,
			UUID ratedBy, Instant at) {
		return jdbc.sql("""
				INSERT INTO property.rating (id, company_id, year, score, grade, titled, rated_by, rated_at)
				VALUES (:id, :company, :year, :score, :grade, :titled, :by, :at)
				ON CONFLICT (company_id, year) DO NOTHING""")
			.param("id", id)
			.param("company", companyId)
			.param("year", year)
			.param("score", score)
			.param("grade", grade.name())
			.param("titled", titled)
			.param("by", ratedBy)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public List<RatingView> ofCompany(UUID companyId) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE r.company_id = :c ORDER BY r.year DESC")
			.param("c", companyId)
			.query(JdbcRatings::rating)
			.list();
	}

	/** The ratings of a year of the companies a scope sees, the best first. */
	public List<RatingView> ofYear(DataScope scope, int year) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE r.year = :y AND (c.scope_path LIKE :scope OR EXISTS ("
				+ "SELECT 1 FROM property.contract k WHERE k.company_id = c.id AND k.scope_path LIKE :scope))"
				+ " ORDER BY r.score DESC, c.name")
			.param("y", year)
			.param("scope", scope.likePattern())
			.query(JdbcRatings::rating)
			.list();
	}

	static RatingView rating(ResultSet rs, int n) throws SQLException {
		return new RatingView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getInt(4), rs.getBigDecimal(5), Grade.valueOf(rs.getString(6)), rs.getBoolean(7),
				rs.getTimestamp(8).toInstant());
	}
}
