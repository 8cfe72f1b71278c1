package org.zhizhi.partnership.persistence;

import static org.zhizhi.partnership.persistence.Rows.date;
import static org.zhizhi.partnership.persistence.Rows.dbl;
import static org.zhizhi.partnership.persistence.Rows.instant;
import static org.zhizhi.partnership.persistence.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.ClaimStatus;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.Measure;
import org.zhizhi.partnership.PartnershipViews.Contribution;
import org.zhizhi.partnership.PartnershipViews.PublicPledge;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.shared.DataScope;

/**
 * The reports of partnership: contributions and the ranking, the public pledges, the units' records for matching,
 * and the rates of needs and units. Read-only, across units, items and claims.
 */
@Repository
public class JdbcReports {

	private final JdbcClient jdbc;

	/** Years of pledges, needs and claims are those of the platform's zone. */
	private final ZoneId zone;

	JdbcReports(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** Accepted pledges summed per unit of the scope (and community, and year of acceptance), best first. */
	public List<Contribution> contributions(DataScope scope, UUID communityId, UUID partnerId, Integer year) {
		return jdbc.sql("""
				select p.id, p.name,
				       coalesce(sum(c.value_yuan), 0) as value, coalesce(sum(c.hours), 0) as hours,
				       count(distinct c.item_id) as projects, coalesce(sum(c.people_served), 0) as people
				  from partnership.partner_unit p
				  join partnership.claim c on c.partner_id = p.id and c.status = 'ACCEPTED'
				       and (cast(:year as int) is null or extract(year from c.accepted_at at time zone :zone) = :year)
				 where p.scope_path like :scope
				   and (cast(:community as uuid) is null or p.community_id = :community)
				   and (cast(:partner as uuid) is null or p.id = :partner)
				 group by p.id, p.name
				 order by projects desc, value desc, hours desc, people desc, p.name""")
			.param("zone", zone.getId())
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("partner", partnerId)
			.param("year", year)
			.query((rs, n) -> new Contribution(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getBigDecimal("value"), rs.getBigDecimal("hours"), rs.getLong("projects"),
					rs.getLong("people")))
			.list();
	}

	public long pledgeTotal(DataScope scope, UUID communityId) {
		return jdbc.sql("""
				select count(*) from partnership.claim c join partnership.list_item i on i.id = c.item_id
				 where i.scope_path like :scope and i.community_id = :community""")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.query(Long.class)
			.single();
	}

	public List<PublicPledge> pledges(DataScope scope, UUID communityId, int limit) {
		return jdbc.sql("""
				select i.title, i.kind, coalesce(cp.name, cb.name) as claimer, p.name as deliverer, c.amount,
				       i.measure, c.due_on, c.status
				  from partnership.claim c join partnership.list_item i on i.id = c.item_id
				  join partnership.partner_unit p on p.id = c.partner_id
				  left join partnership.partner_unit cp on cp.id = c.claimer_id
				  left join partnership.community_board cb on cb.community_id = c.claimer_id
				 where i.scope_path like :scope and i.community_id = :community
				 order by case c.status when 'PLEDGED' then 0 when 'DELIVERED' then 1 else 2 end, c.claimed_at desc,
				          i.title
				 limit :limit""")
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("limit", limit)
			.query((rs, n) -> new PublicPledge(rs.getString("title"), ItemKind.valueOf(rs.getString("kind")),
					rs.getString("claimer"), rs.getString("deliverer"), rs.getBigDecimal("amount"),
					Measure.valueOf(rs.getString("measure")), date(rs, "due_on"),
					ClaimStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** Accepted pledges per unit of the scope, and each unit's latest claim (for the "just matched" penalty). */
	public record UnitRecord(UUID partnerId, long delivered, long deliveredInCategory, boolean offersCategory,
			Instant lastClaimAt) {
	}

	/**
	 * What each unit of the scope did and offers; "in the category" is filed under it or saying one of its
	 * {@code words} (a regular expression, or null) in the title or description.
	 */
	public List<UnitRecord> unitRecords(DataScope scope, ItemCategory category, String words) {
		return jdbc.sql("""
				select p.id,
				       (select count(*) from partnership.claim c where c.partner_id = p.id and c.status = 'ACCEPTED') as delivered,
				       (select count(*) from partnership.claim c join partnership.list_item i on i.id = c.item_id
				         where c.partner_id = p.id and c.status = 'ACCEPTED'
				           and (i.category = :category
				                or :hasWords and (i.title || ' ' || coalesce(i.description, '')) ~ :words)) as in_category,
				       exists (select 1 from partnership.list_item r where r.offered_by = p.id
				                and (r.category = :category
				                     or :hasWords and (r.title || ' ' || coalesce(r.description, '')) ~ :words)
				                and r.status <> 'WITHDRAWN') as offers,
				       (select max(c.claimed_at) from partnership.claim c where c.partner_id = p.id) as last_claim
				  from partnership.partner_unit p where p.scope_path like :scope""")
			.param("scope", scope.likePattern())
			.param("category", category.name())
			.param("hasWords", words != null)
			.param("words", words == null ? "" : words)
			.query((rs, n) -> new UnitRecord(rs.getObject("id", UUID.class), rs.getLong("delivered"),
					rs.getLong("in_category"), rs.getBoolean("offers"), instant(rs, "last_claim")))
			.list();
	}

	// ---- rates -------------------------------------------------------------------------------------------------

	/** The year's needs of the scope or one community, and what became of them: the source of every need rate. */
	private static final String YEAR_NEEDS = """
			with n as (
			  select community_id, published_at, first_claimed_at, completed_at, status
			    from partnership.list_item
			   where kind = 'NEED' and status <> 'WITHDRAWN' and scope_path like :scope
			     and (cast(:community as uuid) is null or community_id = :community)
			     and extract(year from published_at at time zone :zone) = :year)
			""";

	private static final String NEED_RATES = """
			count(*) as published,
			count(first_claimed_at) as claimed,
			count(*) filter (where status = 'COMPLETED') as completed,
			percentile_cont(0.5) within group (order by extract(epoch from first_claimed_at - published_at))
			  filter (where first_claimed_at is not null) / 86400 as claim_p50,
			percentile_cont(0.9) within group (order by extract(epoch from first_claimed_at - published_at))
			  filter (where first_claimed_at is not null) / 86400 as claim_p90,
			percentile_cont(0.5) within group (order by extract(epoch from completed_at - published_at))
			  filter (where completed_at is not null) / 86400 as done_p50,
			percentile_cont(0.9) within group (order by extract(epoch from completed_at - published_at))
			  filter (where completed_at is not null) / 86400 as done_p90,
			count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days') as matured,
			count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days'
			                   and first_claimed_at <= published_at + interval '14 days') as within14,
			count(*) filter (where first_claimed_at is null) as unclaimed,
			percentile_cont(0.5) within group (order by extract(epoch from cast(:now as timestamptz) - published_at))
			  filter (where first_claimed_at is null) / 86400 as age_p50,
			max(extract(epoch from cast(:now as timestamptz) - published_at)) filter (where first_claimed_at is null) / 86400 as age_max
			""";

	/** Rates of the needs published in a year inside the scope (optionally one community); times in days. */
	public Rates needRates(DataScope scope, UUID communityId, int year, Instant now) {
		return jdbc.sql(YEAR_NEEDS + "select " + NEED_RATES + " from n")
			.param("zone", zone.getId())
			.param("scope", scope.likePattern())
			.param("community", communityId)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates(rs, year))
			.single();
	}

	/** The same rates for every community of the scope that published needs that year, in one pass. */
	public Map<UUID, Rates> needRatesByCommunity(DataScope scope, int year, Instant now) {
		Map<UUID, Rates> rates = new LinkedHashMap<>();
		jdbc.sql(YEAR_NEEDS + "select community_id, " + NEED_RATES + " from n group by community_id")
			.param("zone", zone.getId())
			.param("scope", scope.likePattern())
			.param("community", null)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates.put(rs.getObject("community_id", UUID.class), rates(rs, year)))
			.list();
		return rates;
	}

	/** A unit's rates: the needs and projects it claimed in a year, from publishing to its claim, claim to acceptance. */
	public Rates partnerRates(UUID partnerId, int year, Instant now) {
		return jdbc.sql("""
				with n as (
				  select i.published_at, c.claimed_at as first_claimed_at, c.accepted_at as completed_at, c.status
				    from partnership.claim c join partnership.list_item i on i.id = c.item_id
				   where c.partner_id = :partner and c.claimer_kind = 'PARTNER'
				     and extract(year from c.claimed_at at time zone :zone) = :year)
				select count(*) as published,
				       count(*) as claimed,
				       count(*) filter (where status = 'ACCEPTED') as completed,
				       percentile_cont(0.5) within group (order by extract(epoch from first_claimed_at - published_at)) / 86400 as claim_p50,
				       percentile_cont(0.9) within group (order by extract(epoch from first_claimed_at - published_at)) / 86400 as claim_p90,
				       percentile_cont(0.5) within group (order by extract(epoch from completed_at - first_claimed_at))
				         filter (where completed_at is not null) / 86400 as done_p50,
				       percentile_cont(0.9) within group (order by extract(epoch from completed_at - first_claimed_at))
				         filter (where completed_at is not null) / 86400 as done_p90,
				       count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days') as matured,
				       count(*) filter (where published_at <= cast(:now as timestamptz) - interval '14 days'
				                          and first_claimed_at <= published_at + interval '14 days') as within14,
				       0 as unclaimed, null::float8 as age_p50, null::float8 as age_max
				  from n""")
			.param("zone", zone.getId())
			.param("partner", partnerId)
			.param("year", year)
			.param("now", ts(now))
			.query((rs, n) -> rates(rs, year))
			.single();
	}

	private static Rates rates(ResultSet rs, int year) throws SQLException {
		long published = rs.getLong("published");
		long claimed = rs.getLong("claimed");
		long completed = rs.getLong("completed");
		long matured = rs.getLong("matured");
		return new Rates(year, published, claimed, completed, ratio(claimed, published), ratio(completed, claimed),
				round(dbl(rs, "claim_p50")), round(dbl(rs, "claim_p90")), round(dbl(rs, "done_p50")),
				round(dbl(rs, "done_p90")), ratio(rs.getLong("within14"), matured), rs.getLong("unclaimed"),
				round(dbl(rs, "age_p50")), round(dbl(rs, "age_max")));
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
	}

	private static Double round(Double days) {
		return days == null ? null : Math.round(days * 100) / 100.0;
	}
}
