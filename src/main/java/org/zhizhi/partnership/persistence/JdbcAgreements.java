package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.date;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.Agreement;
import org.zhizhi.partnership.PartnershipAgreement;
import org.zhizhi.shared.DataScope;

/** A unit's yearly agreements: one per unit and year, a draft until it is signed with its document. */
@Repository
public class JdbcAgreements {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcAgreements(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public boolean insertAgreement(Agreement a, Instant at) {
		return jdbc.sql("""
				insert into partnership.agreement (id, partner_id, community_id, year, commitments, status, document_id,
				  signed_on, created_at)
				values (:id, :partner, :community, :year, :commitments, :status, :doc, :signed, :at)
				on conflict (partner_id, year) do nothing""")
			.param("id", a.id())
			.param("partner", a.partnerId())
			.param("community", a.communityId())
			.param("year", a.year())
			.param("commitments", a.commitments())
			.param("status", a.status().name())
			.param("doc", a.documentId())
			.param("signed", a.signedOn())
			.param("at", ts(at))
			.update() == 1;
	}

	private static Agreement agreement(ResultSet rs, int n) throws SQLException {
		return new Agreement(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("community_id", UUID.class), rs.getInt("year"), rs.getString("commitments"),
				Agreement.Status.valueOf(rs.getString("status")), rs.getObject("document_id", UUID.class),
				date(rs, "signed_on"));
	}

	public List<Agreement> agreements(UUID partnerId) {
		return jdbc.sql("select * from partnership.agreement where partner_id = :p order by year desc")
			.param("p", partnerId)
			.query(JdbcAgreements::agreement)
			.list();
	}

	public Optional<Agreement> agreement(DataScope scope, UUID id) {
		return jdbc.sql("""
				select a.* from partnership.agreement a join partnership.partner_unit p on p.id = a.partner_id
				 where a.id = :id and p.scope_path like :scope""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcAgreements::agreement)
			.optional();
	}

	/** The agreement of the scope as a step reads it: with the version its save is conditional on. */
	public Optional<PartnershipAgreement> agreementToStep(DataScope scope, UUID id) {
		return jdbc.sql("""
				select a.* from partnership.agreement a join partnership.partner_unit p on p.id = a.partner_id
				 where a.id = :id and p.scope_path like :scope""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, n) -> new PartnershipAgreement(rs.getObject("id", UUID.class),
					rs.getObject("partner_id", UUID.class), rs.getObject("community_id", UUID.class), rs.getInt("year"),
					Agreement.Status.valueOf(rs.getString("status")), rs.getObject("document_id", UUID.class),
					date(rs, "signed_on"), rs.getInt("version")))
			.optional();
	}

	/**
	 * Saves a step against the version the agreement was read with and publishes what it registered; answers false,
	 * saving and publishing nothing, when someone else moved it first: of two signatures at once, only one finds the
	 * agreement at the version it read.
	 */
	public boolean save(PartnershipAgreement a) {
		int rows = jdbc.sql("""
				update partnership.agreement set status = :status, document_id = :doc, signed_on = :on,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("id", a.id())
			.param("version", a.version())
			.param("status", a.status().name())
			.param("doc", a.documentId())
			.param("on", a.signedOn())
			.update();
		if (rows != 1) {
			return false;
		}
		a.saved();
		a.publishEvents(events::publishEvent);
		return true;
	}
}
