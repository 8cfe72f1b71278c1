package org.zhizhi.party.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.party.Appraisal;
import org.zhizhi.party.AppraisalGrade;
import org.zhizhi.party.AppraisalResultLine;
import org.zhizhi.party.AppraisalState;
import org.zhizhi.party.BranchAssessment;
import org.zhizhi.property.Scorecard;
import org.zhizhi.shared.DataScope;

/**
 * 民主评议党员 rounds with their results, and branch assessments with their marks. A round and an assessment are one per
 * branch and year: the unique key decides two desks at once.
 */
@Repository
public class JdbcAppraisals {

	private static final String APPRAISAL = """
			SELECT a.id, a.org_id, o.name AS org_name, a.year, a.state, a.closed_at, a.version
			  FROM party.appraisal a
			  JOIN party.party_org o ON o.id = a.org_id
			""";

	private final JdbcClient jdbc;

	JdbcAppraisals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens the round; false when the branch has one of that year already. */
	public boolean insert(Appraisal appraisal, String scopePath, UUID districtId, Instant now, UUID by) {
		try {
			return jdbc.sql("""
					INSERT INTO party.appraisal (id, org_id, year, state, scope_path, district_id, opened_at, opened_by)
					VALUES (:id, :orgId, :year, :state, :scopePath, :districtId, :now, :by)
					ON CONFLICT (org_id, year) DO NOTHING
					""")
				.param("id", appraisal.id())
				.param("orgId", appraisal.orgId())
				.param("year", appraisal.year())
				.param("state", appraisal.state().name())
				.param("scopePath", scopePath)
				.param("districtId", districtId)
				.param("now", Timestamp.from(now))
				.param("by", by)
				.update() == 1;
		}
		catch (DuplicateKeyException twoAtOnce) {
			return false;
		}
	}

	public Optional<Appraisal> find(DataScope scope, UUID id) {
		return jdbc.sql(APPRAISAL + " WHERE a.id = :id AND a.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, row) -> appraisal(rs))
			.optional();
	}

	public List<Appraisal> list(DataScope scope, UUID orgId) {
		return jdbc.sql(APPRAISAL + """
				 WHERE a.scope_path LIKE :scope AND (CAST(:orgId AS uuid) IS NULL OR a.org_id = CAST(:orgId AS uuid))
				 ORDER BY a.year DESC, o.name
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.query((rs, row) -> appraisal(rs))
			.list();
	}

	private static Appraisal appraisal(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Appraisal(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getString("org_name"), rs.getInt("year"), AppraisalState.valueOf(rs.getString("state")),
				closed == null ? null : closed.toInstant(), rs.getInt("version"));
	}

	/** Saves a closing against the version read; false when someone else stepped the round first. */
	public boolean save(Appraisal appraisal) {
		int rows = jdbc.sql("""
				UPDATE party.appraisal SET state = :state, closed_at = :closedAt, version = version + 1
				 WHERE id = :id AND version = :version
				""")
			.param("id", appraisal.id())
			.param("state", appraisal.state().name())
			.param("closedAt", appraisal.closedAt() == null ? null : Timestamp.from(appraisal.closedAt()))
			.param("version", appraisal.version())
			.update();
		if (rows == 1) {
			appraisal.saved();
		}
		return rows == 1;
	}

	/**
	 * Records (or changes) a member's result while the round is still open — the condition is in the statement, so a
	 * result never lands on a round closed in between; false when it was closed.
	 */
	public boolean record(UUID appraisalId, UUID memberId, AppraisalGrade grade, String note, UUID districtId,
			Instant now, UUID by) {
		return jdbc.sql("""
				INSERT INTO party.appraisal_result (appraisal_id, member_id, grade, note, district_id, recorded_at,
				       recorded_by)
				SELECT :appraisalId, :memberId, :grade, :note, :districtId, :now, :by
				 WHERE EXISTS (SELECT 1 FROM party.appraisal WHERE id = :appraisalId AND state = 'OPEN')
				ON CONFLICT (appraisal_id, member_id) DO UPDATE
				   SET grade = excluded.grade, note = excluded.note, recorded_at = excluded.recorded_at,
				       recorded_by = excluded.recorded_by
				""")
			.param("appraisalId", appraisalId)
			.param("memberId", memberId)
			.param("grade", grade.name())
			.param("note", note)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}


	/** The active full members of the branch and those below it, with their results; anyone with a result too. */
	public List<AppraisalResultLine> results(UUID appraisalId, UUID orgId) {
		return jdbc.sql("""
				WITH RECURSIVE within (id) AS (
				    SELECT CAST(:orgId AS uuid)
				    UNION ALL
				    SELECT c.id FROM party.party_org c JOIN within w ON c.parent_id = w.id)
				SELECT m.id, m.name, o.name AS org_name, r.grade, r.note
				  FROM party.member m
				  JOIN party.party_org o ON o.id = m.org_id
				  LEFT JOIN party.appraisal_result r ON r.appraisal_id = :appraisalId AND r.member_id = m.id
				 WHERE r.member_id IS NOT NULL
				    OR (m.org_id IN (SELECT id FROM within) AND m.status = 'ACTIVE'
				        AND m.kind IN ('REGULAR', 'IN_SERVICE', 'INCOMING'))
				 ORDER BY m.name, m.id
				""")
			.param("appraisalId", appraisalId)
			.param("orgId", orgId)
			.query((rs, row) -> new AppraisalResultLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? null : AppraisalGrade.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	// --- branch assessments ---------------------------------------------------------------------------------------


	/** Keeps the assessment with its marks; false when the branch has one of that year already. */
	public boolean insertAssessment(BranchAssessment assessment, String scopePath, UUID districtId, UUID by) {
		try {
			int rows = jdbc.sql("""
					INSERT INTO party.branch_assessment (id, org_id, year, template_code, awarded, possible, scope_path,
					       district_id, assessed_at, assessed_by)
					VALUES (:id, :orgId, :year, :template, :awarded, :possible, :scopePath, :districtId, :at, :by)
					ON CONFLICT (org_id, year) DO NOTHING
					""")
				.param("id", assessment.id())
				.param("orgId", assessment.orgId())
				.param("year", assessment.year())
				.param("template", assessment.templateCode())
				.param("awarded", assessment.awarded())
				.param("possible", assessment.possible())
				.param("scopePath", scopePath)
				.param("districtId", districtId)
				.param("at", Timestamp.from(assessment.assessedAt()))
				.param("by", by)
				.update();
			if (rows == 0) {
				return false;
			}
		}
		catch (DuplicateKeyException twoAtOnce) {
			return false;
		}
		assessment.marks().forEach((code, mark) -> jdbc.sql("""
				INSERT INTO party.assessment_mark (assessment_id, criterion_code, mark, district_id)
				VALUES (:id, :code, :mark, :districtId)
				""")
			.param("id", assessment.id())
			.param("code", code)
			.param("mark", mark.name())
			.param("districtId", districtId)
			.update());
		return true;
	}

	public List<BranchAssessment> assessments(DataScope scope, UUID orgId) {
		return jdbc.sql("""
				SELECT b.id, b.org_id, o.name, b.year, b.template_code, b.awarded, b.possible, b.assessed_at
				  FROM party.branch_assessment b JOIN party.party_org o ON o.id = b.org_id
				 WHERE b.scope_path LIKE :scope AND (CAST(:orgId AS uuid) IS NULL OR b.org_id = CAST(:orgId AS uuid))
				 ORDER BY b.year DESC, o.name
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.query((rs, row) -> new BranchAssessment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
					marks(rs.getObject(1, UUID.class)), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private Map<String, Scorecard.Mark> marks(UUID assessmentId) {
		Map<String, Scorecard.Mark> marks = new LinkedHashMap<>();
		jdbc.sql("SELECT criterion_code, mark FROM party.assessment_mark WHERE assessment_id = :id ORDER BY criterion_code")
			.param("id", assessmentId)
			.query((rs, row) -> marks.put(rs.getString(1), Scorecard.Mark.valueOf(rs.getString(2))))
			.list();
		return marks;
	}
}
