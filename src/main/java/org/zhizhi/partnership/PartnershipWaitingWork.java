package org.zhizhi.partnership;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.PartnershipManagement.Access;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.WaitingWork;

/**
 * What of 共驻共建 waits for a person: a unit's liaison delivers what his unit pledged (by its date) and may claim the
 * open needs of the communities his unit serves; the community's staff accept what units reported delivered.
 */
@Service
@Transactional(readOnly = true)
class PartnershipWaitingWork implements WaitingWork {

	private final PartnershipManagement management;

	private final PartnershipQueries queries;

	private final JdbcClaims claims;

	private final ZoneId zone;

	PartnershipWaitingWork(PartnershipManagement management, PartnershipQueries queries, JdbcClaims claims,
			ZoneId zone) {
		this.management = management;
		this.queries = queries;
		this.claims = claims;
		this.zone = zone;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		if (!management.mayUse(actor)) {
			return found;
		}
		Access access = management.access(actor);
		if (access.liaison()) {
			List<Claim> pledged = queries.claimsOf(actor, access.partnerId()).stream()
				.filter(c -> c.status() == ClaimStatus.PLEDGED)
				.sorted(java.util.Comparator.comparing(Claim::dueOn,
						java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
				.toList();
			if (!pledged.isEmpty()) {
				found.add(new Waiting("workbench.partnership.toDeliver", pledged.size(),
						"/partnership/partners/" + access.partnerId(), pledged.stream()
							.limit(limit)
							.map(c -> claimItem(c, c.claimedAt(), now, "workbench.action.deliver"))
							.toList()));
			}
			List<ListItem> needs = queries.items(actor, null, ItemKind.NEED, ItemStatus.OPEN);
			if (!needs.isEmpty()) {
				found.add(new Waiting("workbench.partnership.needs", needs.size(), "/partnership/lists",
						needs.stream()
							.limit(limit)
							.map(i -> new Item(i.title(), i.communityName(), i.publishedAt(), end(i),
									false, "/partnership/items/" + i.id(), "workbench.action.claim"))
							.toList()));
			}
		}
		if (access.staff() && actor.hasAny(java.util.EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF))) {
			List<Claim> delivered = claims.deliveredInScope(actor.scope(), PartnershipQueries.LIST_LIMIT);
			if (!delivered.isEmpty()) {
				found.add(new Waiting("workbench.partnership.toAccept", delivered.size(), "/partnership/lists",
						delivered.stream()
							.limit(limit)
							.map(c -> claimItem(c, c.deliveredAt(), now, "workbench.action.accept"))
							.toList()));
			}
		}
		return found;
	}

	private Item claimItem(Claim c, Instant since, Instant now, String action) {
		Instant due = c.dueOn() == null ? null : c.dueOn().plusDays(1).atStartOfDay(zone).toInstant();
		return new Item(c.itemTitle(), c.partnerName(), since, due, due != null && due.isBefore(now),
				"/partnership/items/" + c.itemId(), action);
	}

	private Instant end(ListItem item) {
		return item.periodEnd() == null ? null : item.periodEnd().plusDays(1).atStartOfDay(zone).toInstant();
	}
}
