package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.points.persistence.JdbcPointsClaims;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcRewards;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;

/**
 * Points history brought in from before the platform (a scheme's paper files; the demo's year): earnings under the
 * rule version of their day, claims credited after their notice, sponsors' rewards and confirmed redemptions — written
 * through the same ledger, entries summing to zero, at the instants they happened, each once by its record's key.
 */
@Component
public class PointsHistory {

	private final JdbcSchemes schemes;

	private final JdbcLedger ledger;

	private final JdbcPointsClaims claims;

	private final JdbcRewards rewards;

	private final PointsEarning earning;

	private final ZoneId zone;

	PointsHistory(JdbcSchemes schemes, JdbcLedger ledger, JdbcPointsClaims claims, JdbcRewards rewards,
			PointsEarning earning, ZoneId zone) {
		this.schemes = schemes;
		this.ledger = ledger;
		this.claims = claims;
		this.rewards = rewards;
		this.earning = earning;
		this.zone = zone;
	}

	/** A deed paid under the rule's version of its day (and its caps); answers the points paid. */
	@Transactional
	public long earned(UUID schemeId, String ruleCode, Holder holder, Instant at, String reason, String recordKey) {
		Scheme scheme = schemes.scheme(schemeId).orElseThrow();
		Rule rule = schemes.inForce(schemeId, ruleCode, LocalDate.ofInstant(at, zone))
			.orElseThrow(() -> new IllegalArgumentException("no rule " + ruleCode + " on " + at));
		return earning.earn(scheme, rule, holder, "history:" + recordKey, reason, at, null, null).points();
	}

	/**
	 * A claim that went through its notice and was credited: submitted on the deed's day, approved by
	 * {@code vettedByName} the next day, credited when its notice had run.
	 */
	@Transactional
	public UUID creditedClaim(UUID schemeId, String ruleCode, Holder claimant, LocalDate deedOn, String description,
			UUID vettedBy, String vettedByName) {
		Scheme scheme = schemes.scheme(schemeId).orElseThrow();
		Rule rule = schemes.inForce(schemeId, ruleCode, deedOn).orElseThrow();
		Instant submitted = deedOn.atTime(20, 0).atZone(zone).toInstant();
		Instant approved = deedOn.plusDays(1).atTime(9, 30).atZone(zone).toInstant();
		LocalDate until = deedOn.plusDays(scheme.noticeDays());
		UUID id = Ids.newId(java.time.Clock.fixed(submitted, zone));
		PointsClaim claim = PointsClaim.submit(id, new PointsClaim.Deed(schemeId, rule.id(), rule.code(), rule.name(),
				rule.points(), claimant, null, null, deedOn, description, null, null, null), submitted);
		claim.approve(vettedBy, vettedByName, approved, until);
		Instant credited = until.plusDays(1).atTime(2, 0).atZone(zone).toInstant();
		PointsEarning.Earned earned = earning.earn(scheme, rule, claimant, "claim:" + id, rule.name(), credited,
				vettedBy, vettedByName);
		claim.credit(earned.movementId().orElse(null), earned.points(), credited);
		claim.clearEvents();
		claims.insert(claim);
		return id;
	}

	@Transactional
	public Sponsor sponsor(UUID schemeId, String name, String address, UUID liaisonId, Instant at) {
		Scheme scheme = schemes.scheme(schemeId).orElseThrow();
		Sponsor sponsor = new Sponsor(Ids.newId(java.time.Clock.fixed(at, zone)), schemeId, name, address, liaisonId,
				at);
		rewards.insert(sponsor);
		ledger.account(schemeId, AccountKind.SPONSOR, sponsor.id(), name, scheme.scopePath(), scheme.districtId(), at);
		return sponsor;
	}

	@Transactional
	public Reward reward(Sponsor sponsor, String name, String description, int price, int stock, LocalDate validUntil,
			String place, Instant at) {
		Reward reward = new Reward(Ids.newId(java.time.Clock.fixed(at, zone)), sponsor.schemeId(), sponsor.id(),
				sponsor.name(), name, description, price, stock, validUntil, place, at);
		rewards.insert(reward);
		return reward;
	}

	/** A redemption held at {@code heldAt} and confirmed by the sponsor at {@code confirmedAt}. */
	@Transactional
	public UUID redeemed(Reward reward, Holder holder, Instant heldAt, Instant confirmedAt, String code) {
		Scheme scheme = schemes.scheme(reward.schemeId()).orElseThrow();
		PointsAccount person = ledger.find(scheme.id(), AccountKind.PERSON, holder.id())
			.orElseThrow(() -> new DomainException(Category.CONFLICT, "INSUFFICIENT_POINTS", "points.insufficient"));
		if (!rewards.take(reward.id(), LocalDate.ofInstant(heldAt, zone))) {
			throw new DomainException(Category.CONFLICT, "OUT_OF_STOCK", "points.outOfStock");
		}
		PointsAccount held = ledger.account(scheme.id(), AccountKind.HELD, null, scheme.name(), scheme.scopePath(),
				scheme.districtId(), heldAt);
		PointsAccount sponsor = ledger.find(scheme.id(), AccountKind.SPONSOR, reward.sponsorId()).orElseThrow();
		UUID id = Ids.newId(java.time.Clock.fixed(heldAt, zone));
		UUID hold = Ids.newId(java.time.Clock.fixed(heldAt, zone));
		UUID confirm = Ids.newId(java.time.Clock.fixed(confirmedAt, zone));
		ledger.post(new NewMovement(hold, scheme.id(), MovementKind.HOLD, "redemption:" + id + ":hold", null,
				"兑换：" + reward.name(), null, null, holder.id(), holder.name(), heldAt, scheme.districtId(),
				NewMovement.transfer(person.id(), held.id(), reward.price())));
		ledger.post(new NewMovement(confirm, scheme.id(), MovementKind.CONFIRM, "redemption:" + id + ":settle", null,
				"兑换确认：" + code, null, null, null, reward.sponsorName(), confirmedAt, scheme.districtId(),
				NewMovement.transfer(held.id(), sponsor.id(), reward.price())));
		Redemption redemption = new Redemption(id, scheme.id(), reward.id(), reward.sponsorId(), holder.id(),
				holder.name(), reward.price(), code, heldAt, hold, RedemptionState.HELD, null, null, null, 0);
		rewards.insert(redemption);
		redemption.confirm(null, confirmedAt, confirm);
		rewards.save(redemption);
		return id;
	}
}
