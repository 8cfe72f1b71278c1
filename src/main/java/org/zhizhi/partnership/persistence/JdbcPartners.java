package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.dbl;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.PartnerType;
import org.zhizhi.partnership.PartnerUnit;
import org.zhizhi.shared.DataScope;

/** Partner units and their liaisons. Every read that serves a user takes the scope path as a bound LIKE prefix. */
@Repository
public class JdbcPartners {

	private final JdbcClient jdbc;

	JdbcPartners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertPartner(PartnerUnit p, String scopePath, UUID districtId, Instant at) {
		jdbc.sql("""
				insert into partnership.partner_unit (id, community_id, scope_path, district_id, name, type,
				  party_org_name, address, lat, lng, contact_name, contact_phone, created_at)
				values (:id, :community, :path, :district, :name, :type, :party, :address, :lat, :lng, :contact,
				  :phone, :at)
				on conflict (community_id, name) do nothing""")
			.param("id", p.id())
			.param("community", p.communityId())
			.param("path", scopePath)
			.param("district", districtId)
			.param("name", p.name())
			.param("type", p.type().name())
			.param("party", p.partyOrgName())
			.param("address", p.address())
			.param("lat", p.lat())
			.param("lng", p.lng())
			.param("contact", p.contactName())
			.param("phone", p.contactPhone())
			.param("at", ts(at))
			.update();
	}

	private static final String PARTNER_COLUMNS = """
			p.id, p.community_id, b.name as community_name, p.name, p.type, p.party_org_name, p.address, p.lat, p.lng,
			p.contact_name, p.contact_phone,
			exists (select 1 from partnership.agreement a where a.partner_id = p.id and a.year = :year
			        and a.status = 'SIGNED') as signed
			from partnership.partner_unit p join partnership.community_board b on b.community_id = p.community_id 
			""";

	private static PartnerUnit partner(ResultSet rs, int n) throws SQLException {
		return new PartnerUnit(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("community_name"), rs.getString("name"), PartnerType.valueOf(rs.getString("type")),
				rs.getString("party_org_name"), rs.getString("address"), dbl(rs, "lat"), dbl(rs, "lng"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getBoolean("signed"));
	}

	public List<PartnerUnit> partners(DataScope scope, UUID communityId, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + """
				 where p.scope_path like :scope and (cast(:community as uuid) is null or p.community_id = :community)
				 order by b.name, p.name""")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("year", year)
			.query(JdbcPartners::partner)
			.list();
	}

	public Optional<PartnerUnit> partner(DataScope scope, UUID id, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + " where p.id = :id and p.scope_path like :scope")
			.param("scope", scope.likePattern())
			.param("id", id)
			.param("year", year)
			.query(JdbcPartners::partner)
			.optional();
	}

	public Optional<PartnerUnit> partnerByName(UUID communityId, String name, int year) {
		return jdbc.sql("select " + PARTNER_COLUMNS + " where p.community_id = :community and p.name = :name")
			.param("community", communityId)
			.param("name", name)
			.param("year", year)
			.query(JdbcPartners::partner)
			.optional();
	}

	/** The name of a partner unit of the community; empty when the id names none of its units. */
	public Optional<String> partnerName(UUID communityId, UUID partnerId) {
		return jdbc.sql("select name from partnership.partner_unit where id = :id and community_id = :community")
			.param("id", partnerId)
			.param("community", communityId)
			.query(String.class)
			.optional();
	}

	/** How far a unit's liaison reaches: the unit's community (the node its rows are written under) and below. */
	public DataScope partnerScope(UUID partnerId) {
		return jdbc.sql("select community_id, scope_path from partnership.partner_unit where id = :id")
			.param("id", partnerId)
			.query((rs, n) -> new DataScope(rs.getObject("community_id", UUID.class), rs.getString("scope_path")))
			.single();
	}

	/** The unit an account is liaison of, if any. */
	public Optional<UUID> partnerOfLiaison(UUID accountId) {
		return jdbc.sql("select partner_id from partnership.partner_liaison where account_id = :id")
			.param("id", accountId)
			.query(UUID.class)
			.optional();
	}

	/** The accounts serving a unit as its liaisons. */
	public List<UUID> liaisonsOf(UUID partnerId) {
		return jdbc.sql("select account_id from partnership.partner_liaison where partner_id = :p order by account_id")
			.param("p", partnerId)
			.query(UUID.class)
			.list();
	}

	/** False when the account already serves another unit. */
	public boolean addLiaison(UUID partnerId, UUID accountId) {
		jdbc.sql("insert into partnership.partner_liaison (account_id, partner_id) values (:a, :p) on conflict do nothing")
			.param("a", accountId)
			.param("p", partnerId)
			.update();
		return partnerOfLiaison(accountId).map(partnerId::equals).orElse(false);
	}

	/** Every account that serves some unit as its liaison. */
	public Set<UUID> boundLiaisons() {
		return new HashSet<>(jdbc.sql("select account_id from partnership.partner_liaison")
			.query(UUID.class)
			.list());
	}
}
