package org.zhizhi.property.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.CommitteePosition;
import org.zhizhi.property.PartyOrg;
import org.zhizhi.property.PropertyViews.Committee;
import org.zhizhi.property.PropertyViews.CommitteeMember;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.Figure;
import org.zhizhi.property.PropertyViews.Steward;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;

/**
 * The register: companies, their contracts and 红色管家, owners' committees, a district's stated figures. A company is
 * visible to a scope that covers where it was registered or one of the estates it manages (a community desk sees the
 * companies of its estates).
 */
@Repository
public class JdbcRegister {

	private static final String COMPANY = """
			c.id, c.name, c.licence_no, c.contact_name, c.contact_phone, c.party_org, c.unit_id, c.scope_path,
			c.district_id""";

	private static final String VISIBLE = """
			(c.scope_path LIKE :scope OR EXISTS (SELECT 1 FROM property.contract k
			                                     WHERE k.company_id = c.id AND k.scope_path LIKE :scope))""";

	private final JdbcClient jdbc;

	JdbcRegister(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False if a company with that licence number is registered already. */
	public boolean insert(Company c, Instant at) {
		return jdbc.sql("""
				INSERT INTO property.company (id, name, licence_no, contact_name, contact_phone, party_org, unit_id,
				                              scope_path, district_id, created_at)
				VALUES (:id, :name, :licence, :contact, :phone, :party, :unit, :scope, :district, :at)
				ON CONFLICT (licence_no) DO NOTHING""")
			.param("id", c.id())
			.param("name", c.name())
			.param("licence", c.licenceNo())
			.param("contact", c.contactName())
			.param("phone", c.contactPhone())
			.param("party", c.partyOrg().name())
			.param("unit", c.unitId())
			.param("scope", c.scopePath())
			.param("district", c.districtId())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public Optional<Company> company(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COMPANY + " FROM property.company c WHERE c.id = :id AND " + VISIBLE)
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcRegister::company)
			.optional();
	}

	/** Any company by id, for the public result page and the loop's listener (which show no personal data). */
	public Optional<Company> company(UUID id) {
		return jdbc.sql("SELECT " + COMPANY + " FROM property.company c WHERE c.id = :id")
			.param("id", id)
			.query(JdbcRegister::company)
			.optional();
	}

	public List<Company> companies(DataScope scope, String nameContains, int limit) {
		return jdbc.sql("SELECT " + COMPANY + " FROM property.company c WHERE " + VISIBLE
				+ " AND (cast(:name as varchar) IS NULL OR c.name LIKE '%' || :name || '%') ORDER BY c.name LIMIT :l")
			.param("scope", scope.likePattern())
			.param("name", nameContains == null || nameContains.isBlank() ? null : nameContains.strip(),
					java.sql.Types.VARCHAR)
			.param("l", limit)
			.query(JdbcRegister::company)
			.list();
	}

	/** How many companies of a scope have each kind of party coverage. */
	public java.util.Map<PartyOrg, Long> coverage(DataScope scope) {
		java.util.Map<PartyOrg, Long> counts = new java.util.EnumMap<>(PartyOrg.class);
		jdbc.sql("SELECT c.party_org, count(*) FROM property.company c WHERE " + VISIBLE + " GROUP BY c.party_org")
			.param("scope", scope.likePattern())
			.query((rs, n) -> counts.put(PartyOrg.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	static Company company(ResultSet rs, int n) throws SQLException {
		return new Company(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), PartyOrg.valueOf(rs.getString(6)), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getObject(9, UUID.class));
	}

	// ---- contracts

	/** False if the estate has a contract starting that day already. */
	public boolean insert(Contract k) {
		return jdbc.sql("""
				INSERT INTO property.contract (id, company_id, estate_id, estate_name, scope_path, starts_on, ends_on,
				                               lat, lng)
				VALUES (:id, :company, :estate, :name, :scope, :starts, :ends, :lat, :lng)
				ON CONFLICT (estate_id, starts_on) DO NOTHING""")
			.param("id", k.id())
			.param("company", k.companyId())
			.param("estate", k.estateId())
			.param("name", k.estateName())
			.param("scope", k.scopePath())
			.param("starts", Date.valueOf(k.startsOn()))
			.param("ends", Date.valueOf(k.endsOn()))
			.param("lat", k.lat())
			.param("lng", k.lng())
			.update() == 1;
	}

	private static final String CONTRACT = """
			k.id, k.company_id, c.name, k.estate_id, k.estate_name, k.scope_path, k.starts_on, k.ends_on, k.lat, k.lng
			FROM property.contract k JOIN property.company c ON c.id = k.company_id""";

	public List<Contract> contractsOf(UUID companyId) {
		return jdbc.sql("SELECT " + CONTRACT + " WHERE k.company_id = :c ORDER BY k.starts_on DESC, k.estate_name")
			.param("c", companyId)
			.query(JdbcRegister::contract)
			.list();
	}

	public List<Contract> contractsOfEstate(UUID estateId) {
		return jdbc.sql("SELECT " + CONTRACT + " WHERE k.estate_id = :e ORDER BY k.starts_on DESC")
			.param("e", estateId)
			.query(JdbcRegister::contract)
			.list();
	}

	/** The contracts of a scope's estates, for the inspector's list of what he may inspect. */
	public List<Contract> contracts(DataScope scope, int limit) {
		return jdbc.sql("SELECT " + CONTRACT + " WHERE k.scope_path LIKE :scope ORDER BY k.estate_name LIMIT :l")
			.param("scope", scope.likePattern())
			.param("l", limit)
			.query(JdbcRegister::contract)
			.list();
	}

	static Contract contract(ResultSet rs, int n) throws SQLException {
		return new Contract(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
				rs.getDate(8).toLocalDate(), (Double) rs.getObject(9), (Double) rs.getObject(10));
	}

	// ---- 红色管家

	public void insert(Steward s) {
		jdbc.sql("""
				INSERT INTO property.steward (id, company_id, estate_id, name, post, party_member)
				VALUES (:id, :company, :estate, :name, :post, :party)""")
			.param("id", s.id())
			.param("company", s.companyId())
			.param("estate", s.estateId())
			.param("name", s.name())
			.param("post", s.post())
			.param("party", s.partyMember())
			.update();
	}

	public List<Steward> stewardsOf(UUID companyId) {
		return jdbc.sql("""
				SELECT id, company_id, estate_id, name, post, party_member FROM property.steward
				 WHERE company_id = :c ORDER BY name""")
			.param("c", companyId)
			.query((rs, n) -> new Steward(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
			.list();
	}

	public long stewards(DataScope scope) {
		return jdbc.sql("SELECT count(*) FROM property.steward s JOIN property.company c ON c.id = s.company_id"
				+ " WHERE " + VISIBLE)
			.param("scope", scope.likePattern())
			.query(Long.class)
			.single();
	}

	// ---- 业委会

	/** False if the estate has a committee of a term starting that day already. */
	public boolean insert(Committee committee, String scopePath) {
		int inserted = jdbc.sql("""
				INSERT INTO property.committee (id, estate_id, estate_name, scope_path, term_starts, term_ends)
				VALUES (:id, :estate, :name, :scope, :starts, :ends) ON CONFLICT DO NOTHING""")
			.param("id", committee.id())
			.param("estate", committee.estateId())
			.param("name", committee.estateName())
			.param("scope", scopePath)
			.param("starts", Date.valueOf(committee.termStarts()))
			.param("ends", Date.valueOf(committee.termEnds()))
			.update();
		if (inserted != 1) {
			return false;
		}
		for (CommitteeMember m : committee.members()) {
			jdbc.sql("""
					INSERT INTO property.committee_member (id, committee_id, name, position, party_member)
					VALUES (:id, :committee, :name, :position, :party)""")
				.param("id", Ids.newId())
				.param("committee", committee.id())
				.param("name", m.name())
				.param("position", m.position().name())
				.param("party", m.partyMember())
				.update();
		}
		return true;
	}

	/** The committees of some estates, the latest term first. */
	public List<Committee> committeesOf(List<UUID> estateIds) {
		if (estateIds.isEmpty()) {
			return List.of();
		}
		List<Committee> found = new ArrayList<>();
		jdbc.sql("""
				SELECT id, estate_id, estate_name, term_starts, term_ends FROM property.committee
				 WHERE estate_id IN (:e) ORDER BY estate_name, term_starts DESC""")
			.param("e", estateIds)
			.query((rs, n) -> found.add(new Committee(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), List.of())))
			.list();
		return found.stream().map(c -> new Committee(c.id(), c.estateId(), c.estateName(), c.termStarts(),
				c.termEnds(), jdbc.sql("""
						SELECT name, position, party_member FROM property.committee_member WHERE committee_id = :c
						 ORDER BY CASE position WHEN 'CHAIR' THEN 0 WHEN 'VICE_CHAIR' THEN 1 ELSE 2 END, name""")
					.param("c", c.id())
					.query((rs, n) -> new CommitteeMember(rs.getString(1), CommitteePosition.valueOf(rs.getString(2)),
							rs.getBoolean(3)))
					.list()))
			.toList();
	}

	/** The committees of a scope's estates. */
	public List<UUID> committeeEstates(DataScope scope) {
		return jdbc.sql("SELECT DISTINCT estate_id FROM property.committee WHERE scope_path LIKE :scope")
			.param("scope", scope.likePattern())
			.query(UUID.class)
			.list();
	}

	// ---- a district's stated figures

	public void putFigure(UUID districtId, String scopePath, Figure figure) {
		jdbc.sql("""
				INSERT INTO property.district_figure (district_id, scope_path, code, value, source)
				VALUES (:d, :scope, :code, :value, :source)
				ON CONFLICT (district_id, code) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source""")
			.param("d", districtId)
			.param("scope", scopePath)
			.param("code", figure.code())
			.param("value", figure.value())
			.param("source", figure.source())
			.update();
	}

	/** The stated figures of the districts inside a scope, or of the district a scope lies in. */
	public List<Figure> figures(DataScope scope) {
		return jdbc.sql("""
				SELECT code, sum(value), min(source) FROM property.district_figure
				 WHERE scope_path LIKE :scope OR :path LIKE scope_path || '%'
				 GROUP BY code ORDER BY code""")
			.param("scope", scope.likePattern())
			.param("path", scope.path())
			.query((rs, n) -> new Figure(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.list();
	}
}
