package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.PartnershipViews.Contribution;
import org.zhizhi.partnership.PartnershipViews.ItemDetail;
import org.zhizhi.partnership.PartnershipViews.Matches;
import org.zhizhi.partnership.PartnershipViews.PublicBoard;
import org.zhizhi.partnership.PartnershipViews.RankedPartner;
import org.zhizhi.partnership.PartnershipViews.Rates;
import org.zhizhi.partnership.PartnershipViews.ResourceMatch;
import org.zhizhi.partnership.PartnershipViews.UnitMatch;
import org.zhizhi.partnership.persistence.JdbcAgreements;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.partnership.persistence.JdbcReports;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.partnership.persistence.JdbcReports.UnitRecord;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/** Reads of partnership, always within the caller's scope — and for a liaison, of his unit's work only. */
@Service
@EnableConfigurationProperties(MatchProperties.class)
@Transactional(readOnly = true)
public class PartnershipQueries {

	public static final int LIST_LIMIT = 500;

	/** The public page shows open items first and then the latest, this many per list (and of the pledges). */
	public static final int PUBLIC_LIMIT = 100;

	/** The export holds whole lists; this only guards the memory of one workbook. */
	public static final int EXPORT_LIMIT = 100_000;

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final JdbcAgreements agreements;

	private final JdbcListItems items;

	private final JdbcClaims claims;

	private final JdbcReports reports;

	private final PartnershipManagement management;

	private final Clock clock;

	private final double distanceLimitKm;

	private final Duration recentMatch;

	private final MatchScore scoring = MatchScore.DEFAULT;

	private final CategoryTerms terms = CategoryTerms.load();

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	PartnershipQueries(JdbcBoards boards, JdbcPartners partners, JdbcAgreements agreements, JdbcListItems items,
			JdbcClaims claims, JdbcReports reports, PartnershipManagement management, OrgUnitQueries orgUnits,
			AccountQueries accounts, Clock clock, MatchProperties match) {
		this.boards = boards;
		this.partners = partners;
		this.agreements = agreements;
		this.items = items;
		this.claims = claims;
		this.reports = reports;
		this.management = management;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.clock = clock;
		this.distanceLimitKm = match.distanceKm();
		this.recentMatch = match.recent();
	}

	public int thisYear() {
		return management.thisYear();
	}

	/** Partner units of the scope with the contacts masked; a liaison sees only his own unit. */
	public List<PartnerUnit> partners(Actor actor, UUID communityId) {
		Access access = management.access(actor);
		return partners.partners(access.scope(), communityId, thisYear())
			.stream()
			.filter(p -> !access.liaison() || p.id().equals(access.partnerId()))
			.map(PartnerUnit::masked)
			.toList();
	}

	/** A community the caller works with: all of his scope for staff, his unit's for a liaison. */
	public record Community(UUID id, String name) {
	}

	public List<Community> communities(Actor actor) {
		Access access = management.access(actor);
		if (access.liaison()) {
			PartnerUnit own = partners.partner(access.scope(), access.partnerId(), thisYear()).orElseThrow();
			return List.of(new Community(own.communityId(), own.communityName()));
		}
		return orgUnits.list(actor.scope(), new OrgUnitFilter(null, null, OrgLevel.COMMUNITY))
			.stream()
			.map(u -> new Community(u.id(), u.name()))
			.toList();
	}

	/** The code of a community's public page, once the community has a board (its first partnership record). */
	public Optional<String> communityCode(UUID communityId) {
		return boards.board(communityId).map(Board::code);
	}

	/** The liaison accounts of a unit (staff only: the liaisons themselves need not see each other). */
	public List<Account> liaisons(Actor actor, UUID partnerId) {
		management.staff(actor);
		UUID id = partner(actor, partnerId).id();
		return partners.liaisonsOf(id).stream().flatMap(a -> accounts.find(actor.scope(), a).stream()).toList();
	}

	/** Liaison accounts of the caller's scope not yet serving a unit, to make one a unit's liaison. */
	public List<Account> freeLiaisonAccounts(Actor actor) {
		management.staff(actor);
		// pages answer one row more than their size (to tell a next page exists): keyed by id against repeats
		Map<UUID, Account> free = new java.util.LinkedHashMap<>();
		java.util.Set<UUID> bound = partners.boundLiaisons();
		for (int page = 0; page < 20; page++) {
			List<Account> batch = accounts.list(actor.scope(), null, page);
			batch.stream()
				.filter(a -> a.roles().contains(Role.PARTNER_LIAISON))
				.filter(a -> !bound.contains(a.id()))
				.forEach(a -> free.putIfAbsent(a.id(), a));
			if (batch.size() <= AccountQueries.PAGE_SIZE) {
				break;
			}
		}
		return List.copyOf(free.values());
	}

	/** One unit in full (contacts unmasked: the staff of its scope and its own liaison work with them). */
	public PartnerUnit partner(Actor actor, UUID id) {
		Access access = management.access(actor);
		if (access.liaison() && !access.partnerId().equals(id)) {
			throw DomainException.notFound("partner");
		}
		return partners.partner(access.scope(), id, thisYear()).orElseThrow(() -> DomainException.notFound("partner"));
	}

	public List<Agreement> agreements(Actor actor, UUID partnerId) {
		return agreements.agreements(partner(actor, partnerId).id());
	}

	/** The unit a liaison serves, if the actor is one. */
	public Optional<UUID> ownUnit(Actor actor) {
		Access access = management.access(actor);
		return access.liaison() ? Optional.of(access.partnerId()) : Optional.empty();
	}

	public List<ListItem> items(Actor actor, UUID communityId, ItemKind kind, ItemStatus status) {
		Access access = management.access(actor);
		return items.items(access.scope(), communityId, kind, status, LIST_LIMIT);
	}

	/** How many items of each list of a community are open to claims — counted, not limited like the lists. */
	public Map<ItemKind, Long> openCounts(Actor actor, UUID communityId) {
		Access access = management.access(actor);
		return items.openCounts(access.scope(), communityId);
	}

	/** A whole list for the Excel export (the pages show the first {@link #LIST_LIMIT}). */
	public List<ListItem> exportItems(Actor actor, UUID communityId, ItemKind kind) {
		Access access = management.access(actor);
		return items.items(access.scope(), communityId, kind, null, EXPORT_LIMIT);
	}

	/** Where a list item stands now, for a module that made it (a deliberation task) and follows it in its scope. */
	public Optional<ItemStatus> itemStatus(DataScope scope, UUID id) {
		return items.item(scope, id).map(ListItem::status);
	}

	public ItemDetail item(Actor actor, UUID id) {
		Access access = management.access(actor);
		ListItem item = items.item(access.scope(), id).orElseThrow(() -> DomainException.notFound("item"));
		List<Claim> claims = this.claims.claimsOfItem(id);
		List<DeliveryNote> notes = this.claims.notesOfItem(id);
		if (access.liaison()) {
			// a liaison sees every pledge (they are public) but the delivery of his own unit's only
			var own = claims.stream()
				.filter(c -> c.partnerId().equals(access.partnerId()))
				.map(Claim::id)
				.collect(Collectors.toSet());
			notes = notes.stream().filter(n -> own.contains(n.claimId())).toList();
			// and of the other units' pledges what they pledged, not what they delivered before it is accepted
			claims = claims.stream()
				.map(c -> own.contains(c.id()) || c.status() == ClaimStatus.ACCEPTED ? c : c.withoutDelivery())
				.toList();
		}
		boolean claimedByHisUnit = access.liaison()
				&& claims.stream().anyMatch(c -> access.partnerId().equals(c.claimerId()));
		Map<UUID, Set<ClaimAction>> claimActions = new LinkedHashMap<>();
		claims.forEach(c -> claimActions.put(c.id(), ClaimPolicy.allowedActions(access, c)));
		return new ItemDetail(item, claims, notes, ItemPolicy.allowedActions(access, item, claimedByHisUnit),
				claimActions);
	}

	/** The pledges a unit delivers (its liaison's work list). */
	public List<Claim> claimsOf(Actor actor, UUID partnerId) {
		return claims.claimsOfPartner(partner(actor, partnerId).id());
	}

	public Contribution contribution(Actor actor, UUID partnerId, Integer year) {
		PartnerUnit unit = partner(actor, partnerId);
		Access access = management.access(actor);
		return reports.contributions(access.scope(), null, unit.id(), year)
			.stream()
			.findFirst()
			.orElse(new Contribution(unit.id(), unit.name(), BigDecimal.ZERO, BigDecimal.ZERO, 0, 0));
	}

	/** The red-partner ranking (红色合伙人): most delivered projects first, then value, hours and people served. */
	public List<RankedPartner> ranking(Actor actor, UUID communityId, Integer year) {
		Access access = management.access(actor);
		return ranked(reports.contributions(access.scope(), communityId, null, year));
	}

	static List<RankedPartner> ranked(List<Contribution> contributions) {
		List<RankedPartner> ranking = new ArrayList<>();
		for (int i = 0; i < contributions.size(); i++) {
			ranking.add(new RankedPartner(i + 1, contributions.get(i)));
		}
		return ranking;
	}

	/** Rates of a community (or the whole scope when none is named) or of one unit, in a year. */
	public Rates rates(Actor actor, UUID communityId, UUID partnerId, Integer year) {
		Access access = management.access(actor);
		int y = year != null ? year : thisYear();
		if (partnerId != null) {
			return reports.partnerRates(partner(actor, partnerId).id(), y, clock.instant());
		}
		return reports.needRates(access.scope(), communityId, y, clock.instant());
	}

	/** This year's need rates of each community of the caller's scope that published needs (the district's view). */
	public Map<UUID, Rates> ratesByCommunity(Actor actor, Integer year) {
		Access access = management.access(actor);
		return reports.needRatesByCommunity(access.scope(), year != null ? year : thisYear(), clock.instant());
	}

	/**
	 * Suggestions for an open need: resources and units of the scope that pass the hard filters — the same category or
	 * one of its words ({@link CategoryTerms}), something left to give, available in the need's period, within the
	 * distance limit — scored and best first.
	 */
	public Matches matches(Actor actor, UUID needId) {
		Access access = management.access(actor);
		ListItem need = items.item(access.scope(), needId).orElseThrow(() -> DomainException.notFound("item"));
		if (need.kind() == ItemKind.RESOURCE) {
			throw DomainException.notFound("need");
		}
		Instant now = clock.instant();
		String words = terms.pattern(need.category());
		Map<UUID, UnitRecord> records = reports.unitRecords(access.scope(), need.category(), words)
			.stream()
			.collect(Collectors.toMap(UnitRecord::partnerId, Function.identity()));
		Map<UUID, PartnerUnit> units = partners.partners(access.scope(), null, thisYear())
			.stream()
			.collect(Collectors.toMap(PartnerUnit::id, Function.identity()));
		BigDecimal needed = need.remaining();
		List<ResourceMatch> resources = new ArrayList<>();
		for (ListItem resource : items.openResourcesFor(access.scope(), need.category(), words, need.periodStart(),
				need.periodEnd(), LIST_LIMIT)) {
			if (!terms.fits(need.category(), resource) || resource.remaining().signum() <= 0
					|| resource.periodEnd().isBefore(need.periodStart())
					|| resource.periodStart().isAfter(need.periodEnd())) {
				continue;
			}
			Double distance = distance(need.lat(), need.lng(), resource.lat(), resource.lng());
			if (distance != null && distance > distanceLimitKm) {
				continue;
			}
			UnitRecord record = records.get(resource.offeredBy());
			boolean recent = recent(record, now);
			PartnerUnit unit = units.get(resource.offeredBy());
			BigDecimal offered = resource.measure() == need.measure() ? resource.remaining() : null;
			double score = scoring.score(offered, needed, distance, distanceLimitKm,
					unit != null && unit.agreementSigned(), record == null ? 0 : record.delivered(), recent);
			resources.add(new ResourceMatch(resource.id(), resource.title(), resource.offeredBy(),
					resource.offeredByName(), resource.remaining(), rounded(distance), score, recent));
		}
		resources.sort(Comparator.comparingDouble(ResourceMatch::score)
			.reversed()
			.thenComparing(m -> m.distanceKm() == null ? Double.MAX_VALUE : m.distanceKm()));
		// a unit that pledged part of this need already is not suggested for the rest of it
		java.util.Set<UUID> pledged = claims.claimsOfItem(needId)
			.stream()
			.map(Claim::partnerId)
			.collect(Collectors.toSet());
		List<UnitMatch> suggested = new ArrayList<>();
		for (PartnerUnit unit : units.values()) {
			UnitRecord record = records.get(unit.id());
			if (pledged.contains(unit.id()) || record == null || record.deliveredInCategory() == 0 && !record.offersCategory()) {
				continue;
			}
			Double distance = distance(need.lat(), need.lng(), unit.lat(), unit.lng());
			if (distance != null && distance > distanceLimitKm) {
				continue;
			}
			boolean recent = recent(record, now);
			double score = scoring.score(null, needed, distance, distanceLimitKm, unit.agreementSigned(),
					record.delivered(), recent);
			suggested.add(new UnitMatch(unit.id(), unit.name(), rounded(distance), record.deliveredInCategory(), score,
					recent));
		}
		suggested.sort(Comparator.comparingDouble(UnitMatch::score)
			.reversed()
			.thenComparing(UnitMatch::partnerName));
		return new Matches(need.id(), resources, suggested);
	}

	private boolean recent(UnitRecord record, Instant now) {
		return record != null && record.lastClaimAt() != null
				&& record.lastClaimAt().isAfter(now.minus(recentMatch));
	}

	private static Double distance(Double lat1, Double lng1, Double lat2, Double lng2) {
		if (lat1 == null || lat2 == null) {
			return null;
		}
		return MatchScore.distanceKm(lat1, lng1, lat2, lng2);
	}

	private static Double rounded(Double km) {
		return km == null ? null : Math.round(km * 100) / 100.0;
	}

	// ---- the public page ---------------------------------------------------------------------------------------

	/**
	 * What anyone may see of a community without signing in: its published lists, the pledges and the ranking —
	 * units and the community by name, never a person (no contact, no liaison, no account). A replica may answer.
	 */
	@ReplicaRead
	public Optional<PublicBoard> publicBoard(String communityCode) {
		Optional<Board> board = boards.boardByCode(communityCode);
		if (board.isEmpty()) {
			return Optional.empty();
		}
		Board b = board.get();
		// a page for nobody in particular: its reach is the community it shows, the board's own node and below
		DataScope scope = b.scope();
		int year = thisYear();
		// each list read on its own, so that a long list of needs never crowds the projects off the page
		return Optional.of(new PublicBoard(b.name(), b.code(), year,
				reports.needRates(scope, b.communityId(), year, clock.instant()), published(scope, b, ItemKind.NEED),
				published(scope, b, ItemKind.RESOURCE), published(scope, b, ItemKind.PROJECT),
				items.publishedTotals(scope, b.communityId()), reports.pledges(scope, b.communityId(), PUBLIC_LIMIT),
				reports.pledgeTotal(scope, b.communityId()), ranked(reports.contributions(scope, b.communityId(), null, null))));
	}

	private List<ListItem> published(DataScope scope, Board board, ItemKind kind) {
		return items.items(scope, board.communityId(), kind, null, PUBLIC_LIMIT)
			.stream()
			.filter(i -> i.status() != ItemStatus.WITHDRAWN)
			.toList();
	}
}
