package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the reads answer besides the aggregates themselves. */
public final class PartnershipViews {

	private PartnershipViews() {
	}

	/**
	 * One item as the reader may see it, with what he may do now: {@code allowedActions} on the item
	 * ({@link ItemPolicy}) and {@code claimActions} on each pledge by its id ({@link ClaimPolicy}) — the one answer
	 * the API gives and the desk shows.
	 */
	public record ItemDetail(ListItem item, List<Claim> claims, List<DeliveryNote> notes,
			Set<ItemAction> allowedActions, Map<UUID, Set<ClaimAction>> claimActions) {

		/** The steps the reader may take on one of the item's pledges now. */
		public Set<ClaimAction> actionsOn(UUID claimId) {
			return claimActions.getOrDefault(claimId, Set.of());
		}
	}

	/** What an accepted pledge added to a unit: value in yuan, hours, projects (items) and people served. */
	public record Contribution(UUID partnerId, String partnerName, BigDecimal valueYuan, BigDecimal hours,
			long projects, long peopleServed) {
	}

	public record RankedPartner(int rank, Contribution contribution) {
	}

	/**
	 * The rates of one community, unit or whole scope in one year. Times are in days. For a unit the items are the
	 * needs and projects it claimed: time to claim is from publishing to its claim, time to complete from its claim
	 * to the community's acceptance.
	 *
	 * @param matchRate 对接率 = claimed / published (null without published needs)
	 * @param completionRate completed / claimed
	 * @param claimedWithin14DaysShare of the needs published at least 14 days ago, the share claimed within 14 days
	 */
	public record Rates(int year, long published, long claimed, long completed, Double matchRate,
			Double completionRate, Double medianDaysToClaim, Double p90DaysToClaim, Double medianDaysToComplete,
			Double p90DaysToComplete, Double claimedWithin14DaysShare, long unclaimed, Double medianUnclaimedAgeDays,
			Double maxUnclaimedAgeDays) {
	}

	public record ResourceMatch(UUID itemId, String title, UUID partnerId, String partnerName, BigDecimal remaining,
			Double distanceKm, double score, boolean recentlyMatched) {
	}

	public record UnitMatch(UUID partnerId, String partnerName, Double distanceKm, long deliveredInCategory,
			double score, boolean recentlyMatched) {
	}

	public record Matches(UUID needId, List<ResourceMatch> resources, List<UnitMatch> units) {
	}

	/** A public pledge as the public page shows it: no person, only the units and the community. */
	public record PublicPledge(String itemTitle, ItemKind kind, String claimerName, String delivererName,
			BigDecimal amount, Measure measure, LocalDate dueOn, ClaimStatus status) {
	}

	/**
	 * The public page of a community: each list and the pledges as far as the page shows them (open items first,
	 * then the latest), with the totals to say how many there are in all.
	 */
	public record PublicBoard(String communityName, String communityCode, int year, Rates rates,
			List<ListItem> needs, List<ListItem> resources, List<ListItem> projects, Map<ItemKind, Long> totals,
			List<PublicPledge> pledges, long pledgeTotal, List<RankedPartner> ranking) {
	}
}
