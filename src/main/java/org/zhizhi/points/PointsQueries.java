package org.zhizhi.points;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.PersonalData;
import org.zhizhi.points.persistence.JdbcPointsClaims;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcRewards;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;

/**
 * What the points pages and the API read, always for someone: the schemes he deals with, his own accounts and
 * statements (or, for a desk, those of its scope), the claims he may see with what he may do to them, the catalogue,
 * redemptions, and the public boards — masked names, only what a scheme publishes.
 */
@Service
@Transactional(readOnly = true)
public class PointsQueries {

	/** The longest lists a page or an answer holds. */
	public static final int LIMIT = 200;

	private final JdbcSchemes schemes;

	private final JdbcLedger ledger;

	private final JdbcPointsClaims claims;

	private final JdbcRewards rewards;

	private final PointsClaims claimSteps;

	private final Redemptions redemptions;

	private final org.zhizhi.territory.OrgUnitQueries orgUnits;

	private final Clock clock;

	private final ZoneId zone;

	PointsQueries(JdbcSchemes schemes, JdbcLedger ledger, JdbcPointsClaims claims, JdbcRewards rewards,
			PointsClaims claimSteps, Redemptions redemptions, org.zhizhi.territory.OrgUnitQueries orgUnits, Clock clock,
			ZoneId zone) {
		this.orgUnits = orgUnits;
		this.schemes = schemes;
		this.ledger = ledger;
		this.claims = claims;
		this.rewards = rewards;
		this.claimSteps = claimSteps;
		this.redemptions = redemptions;
		this.clock = clock;
		this.zone = zone;
	}

	/** A scheme's redemption figures, exact sums of the ledger's confirmed redemptions. */
	public record Figures(long people, long redemptions, long points, BigDecimal yuan, long held) {
	}

	public record SchemeView(Scheme scheme, List<Rule> rules, Figures figures, List<Sponsor> sponsors,
			List<Reward> rewards, boolean desk) {
	}

	public List<Scheme> schemes(Actor actor) {
		return schemes.visibleTo(actor.scope());
	}

	public SchemeView scheme(Actor actor, UUID id) {
		Scheme scheme = visibleScheme(actor, id);
		return new SchemeView(scheme, schemes.rules(id), figures(scheme), rewards.sponsors(id),
				rewards.rewards(id, today()), isDesk(actor, scheme));
	}

	public Figures figures(Scheme scheme) {
		JdbcRewards.Figures f = rewards.figures(scheme.id());
		return new Figures(f.people(), f.redemptions(), f.points(),
				scheme.yuanPerPoint().multiply(BigDecimal.valueOf(f.points())), f.held());
	}

	/** One of the person's accounts, with the scheme it is of. */
	public record MyAccount(PointsAccount account, Scheme scheme) {
	}

	public List<MyAccount> myAccounts(Actor actor) {
		return ledger.accountsOf(actor.userId())
			.stream()
			.map(a -> new MyAccount(a, schemes.scheme(a.schemeId()).orElseThrow()))
			.toList();
	}

	/** An account with its statement: the holder's own, or one of the desk's scope. */
	public record Statement(PointsAccount account, Scheme scheme, List<JdbcLedger.Line> lines) {
	}

	public Statement statement(Actor actor, UUID accountId, int limit) {
		PointsAccount account = ledger.accountById(accountId)
			.filter(a -> actor.userId().equals(a.holderId())
					|| (actor.hasAny(PointsRoles.DESK) && actor.scope().covers(a.scopePath())))
			.orElseThrow(() -> DomainException.notFound("account"));
		return new Statement(account, schemes.scheme(account.schemeId()).orElseThrow(),
				ledger.statement(accountId, Math.min(limit, 100_000)));
	}

	/** One place on a board: the rank, the name (masked on a public board) and the points earned. */
	public record Standing(int rank, String name, long earned, long balance) {
	}

	/** The people of a scheme by points earned, within the node {@code within} (the scheme's own by default). */
	public List<Standing> ranking(UUID schemeId, DataScope within, boolean masked, int limit) {
		Scheme scheme = schemes.scheme(schemeId).orElseThrow(() -> DomainException.notFound("scheme"));
		DataScope scope = within != null ? within : new DataScope(scheme.orgUnitId(), scheme.scopePath());
		List<PointsAccount> accounts = ledger.ranking(schemeId, scope, Math.min(limit, LIMIT));
		List<Standing> standings = new java.util.ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			PointsAccount a = accounts.get(i);
			standings.add(new Standing(i + 1, masked ? PersonalData.maskName(a.holderName()) : a.holderName(),
					a.earned(), a.balance()));
		}
		return standings;
	}

	/** A node inside the scheme's territory, for a board of that node alone (a branch's estate, a community). */
	public DataScope nodeWithin(Scheme scheme, UUID orgUnitId) {
		return orgUnits.bindingOf(orgUnitId)
			.filter(unit -> unit.path().startsWith(scheme.scopePath()))
			.map(org.zhizhi.territory.OrgUnit::scope)
			.orElseThrow(() -> DomainException.notFound("orgUnit"));
	}

	public String nodeName(UUID orgUnitId) {
		return orgUnits.bindingOf(orgUnitId).map(org.zhizhi.territory.OrgUnit::name).orElse(null);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	public Scheme publicScheme(String code) {
		return schemes.byCode(code).orElseThrow(() -> DomainException.notFound("scheme"));
	}

	/** A claim on the public notice board: the masked name, the item, the points, the deed's day, until when. */
	public record NoticeEntry(UUID claimId, String name, String item, int points, LocalDate deedOn,
			LocalDate noticeUntil, boolean objected) {
	}

	public List<NoticeEntry> notice(UUID schemeId) {
		return claims.onNotice(schemeId, LIMIT)
			.stream()
			.map(c -> new NoticeEntry(c.id(), PersonalData.maskName(c.deed().claimant().name()), c.deed().ruleName(),
					c.deed().points(), c.deed().deedOn(), c.noticeUntil(), c.state() == PointsClaimState.OBJECTED))
			.toList();
	}

	/** A claim as its reader may see it, with what he may do to it now. */
	public record ClaimView(UUID id, UUID schemeId, String ruleCode, String ruleName, int points, String claimantName,
			String nominatedByName, LocalDate deedOn, String description, UUID photoId, String flags, PointsClaimState state,
			Instant submittedAt, String vettedByName, LocalDate noticeUntil, String objection, String decisionNote,
			Integer creditedPoints, Set<PointsClaimAction> allowedActions) {
	}

	public ClaimView claim(Actor actor, UUID id) {
		return view(actor, claimSteps.visible(actor, id));
	}

	/** The desk's queue (its scope's claims in the states asked for) or, for everyone else, his own claims. */
	public List<ClaimView> claims(Actor actor, List<PointsClaimState> states) {
		List<PointsClaim> found = actor.hasAny(PointsRoles.DESK)
				? claims.inScope(actor.scope(), states.isEmpty() ? List.of(PointsClaimState.values()) : states, LIMIT)
				: claims.of(actor.userId(), LIMIT)
					.stream()
					.filter(c -> states.isEmpty() || states.contains(c.state()))
					.toList();
		return found.stream().map(c -> view(actor, c)).toList();
	}

	ClaimView view(Actor actor, PointsClaim c) {
		PointsClaim.Deed d = c.deed();
		PointsClaimPolicy.Relation relation = claimSteps.relation(actor, c);
		boolean full = relation.own() || relation.desk();
		return new ClaimView(c.id(), d.schemeId(), d.ruleCode(), d.ruleName(), d.points(),
				full ? d.claimant().name() : PersonalData.maskName(d.claimant().name()),
				full ? d.nominatedByName() : null, d.deedOn(), full ? d.description() : null,
				full ? d.photoId() : null, relation.desk() ? d.flags() : null, c.state(), c.submittedAt(),
				full ? c.vettedByName() : null, c.noticeUntil(), full ? c.objection() : null,
				full ? c.decisionNote() : null, c.creditedPoints(), PointsClaimPolicy.allowedActions(actor, c, relation));
	}

	public List<Reward> rewards(UUID schemeId) {
		return rewards.rewards(schemeId, today());
	}

	/** A redemption as the person or the sponsor sees it; {@code code} only for the person himself. */
	public record RedemptionView(UUID id, UUID schemeId, String rewardName, String sponsorName, String holderName,
			int price, String code, RedemptionState state, Instant heldAt, Instant settledAt, boolean mayCancel) {
	}

	/** The person's redemptions, and for a sponsor's liaison those of his sponsors. */
	public List<RedemptionView> redemptions(Actor actor) {
		List<Redemption> found = new java.util.ArrayList<>(rewards.ofHolder(actor.userId(), LIMIT));
		for (Sponsor sponsor : rewards.sponsorsOf(actor.userId())) {
			found.addAll(rewards.ofSponsor(sponsor.id(), LIMIT));
		}
		java.util.Map<UUID, Redemption> byId = new java.util.LinkedHashMap<>();
		found.forEach(r -> byId.putIfAbsent(r.id(), r));
		java.util.Map<UUID, Reward> rewardsById = new java.util.HashMap<>();
		return byId.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Redemption::heldAt).reversed())
			.map(r -> view(actor, r, rewardsById.computeIfAbsent(r.rewardId(), id -> rewards.reward(id).orElseThrow())))
			.toList();
	}

	public RedemptionView redemption(Actor actor, UUID id) {
		Redemption r = rewards.redemption(id)
			.filter(found -> redemptions.mayCancel(actor, found))
			.orElseThrow(() -> DomainException.notFound("redemption"));
		return view(actor, r);
	}

	RedemptionView view(Actor actor, Redemption r) {
		return view(actor, r, rewards.reward(r.rewardId()).orElseThrow());
	}

	private RedemptionView view(Actor actor, Redemption r, Reward reward) {
		boolean own = actor.userId().equals(r.holderId());
		return new RedemptionView(r.id(), r.schemeId(), reward.name(), reward.sponsorName(),
				own ? r.holderName() : PersonalData.maskName(r.holderName()), r.price(), own ? r.code() : null,
				r.state(), r.heldAt(), r.settledAt(),
				r.state() == RedemptionState.HELD && redemptions.mayCancel(actor, r));
	}

	/** Whether the ledger of a scheme is sound: balances equal to entries, entries summing to zero. */
	public record Audit(boolean sound, List<JdbcLedger.Mismatch> mismatches, long sumOfEntries) {

		static Audit of(List<JdbcLedger.Mismatch> mismatches, long sumOfEntries) {
			return new Audit(mismatches.isEmpty() && sumOfEntries == 0, mismatches, sumOfEntries);
		}
	}

	public Audit audit(Actor actor, UUID schemeId) {
		Scheme scheme = visibleScheme(actor, schemeId);
		if (!isDesk(actor, scheme)) {
			throw DomainException.notFound("scheme");
		}
		return Audit.of(ledger.mismatches(schemeId), ledger.sumOfEntries(schemeId));
	}

	private Scheme visibleScheme(Actor actor, UUID id) {
		return schemes.scheme(id)
			.filter(s -> actor.scope().covers(s.scopePath()) || actor.scope().path().startsWith(s.scopePath()))
			.orElseThrow(() -> DomainException.notFound("scheme"));
	}

	private static boolean isDesk(Actor actor, Scheme scheme) {
		return actor.hasAny(PointsRoles.DESK) && actor.scope().covers(scheme.scopePath());
	}

}
