package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.persistence.JdbcAgreements;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;

/**
 * Past partnership work written as it happened, with its own dates: for the demo loader and for importing a
 * community's history. No actor — the caller is the installation itself — but the same tables and rules of the
 * quantity (the conditional take) as live claims.
 */
@Service
public class PartnershipImports {

	/** A pledge of the past; later steps are null where it has not got that far. */
	public record PastClaim(UUID partnerId, BigDecimal amount, LocalDate dueOn, Instant claimedAt,
			Instant deliveredAt, Instant acceptedAt, BigDecimal valueYuan, BigDecimal hours, Integer peopleServed) {
	}

	private final JdbcBoards boards;

	private final JdbcPartners partners;

	private final JdbcAgreements agreements;

	private final JdbcListItems items;

	private final JdbcClaims claims;

	private final PartnershipManagement management;

	private final Partners units;

	private final Clock clock;

	PartnershipImports(JdbcBoards boards, JdbcPartners partners, JdbcAgreements agreements, JdbcListItems items,
			JdbcClaims claims, PartnershipManagement management, Partners units, Clock clock) {
		this.boards = boards;
		this.partners = partners;
		this.agreements = agreements;
		this.items = items;
		this.claims = claims;
		this.management = management;
		this.units = units;
		this.clock = clock;
	}

	private static Board board(OrgUnit community) {
		return new Board(community.id(), community.code(), community.name(), community.path(),
				DataScope.districtOf(community.path()));
	}

	@Transactional
	public PartnerUnit partner(OrgUnit community, NewPartner body, List<UUID> liaisons) {
		Board board = board(community);
		boards.ensureBoard(board);
		PartnerUnit unit = partners.partnerByName(community.id(), body.name(), management.thisYear())
			.orElseGet(() -> units.insertPartner(board, body));
		liaisons.forEach(account -> partners.addLiaison(unit.id(), account));
		return unit;
	}

	@Transactional
	public void signedAgreement(UUID partnerId, UUID communityId, int year, String commitments, LocalDate signedOn) {
		agreements.insertAgreement(new Agreement(Ids.newId(clock), partnerId, communityId, year, commitments,
				Agreement.Status.SIGNED, null, signedOn), clock.instant());
	}

	@Transactional
	public UUID item(OrgUnit community, ItemKind kind, UUID offeredBy, String title, ItemCategory category,
			String description, BigDecimal quantity, Measure measure, LocalDate start, LocalDate end,
			Instant publishedAt) {
		Board board = board(community);
		boards.ensureBoard(board);
		ListItem item = new ListItem(Ids.newId(clock), community.id(), community.name(), kind, offeredBy, null, title,
				category, description, quantity, measure, BigDecimal.ZERO, start, end, null, null, ItemStatus.OPEN,
				publishedAt, null, null, null, null, null, null);
		items.insertItem(item, board.path(), board.districtId());
		return item.id();
	}

	/** Records a past pledge on an item; false when the quantity left does not allow it. */
	@Transactional
	public boolean claim(UUID itemId, UUID communityId, ItemKind kind, PastClaim past) {
		boolean byCommunity = kind == ItemKind.RESOURCE;
		UUID claimer = byCommunity ? communityId : past.partnerId();
		ClaimStatus status = past.acceptedAt() != null ? ClaimStatus.ACCEPTED
				: past.deliveredAt() != null ? ClaimStatus.DELIVERED : ClaimStatus.PLEDGED;
		Claim claim = new Claim(Ids.newId(clock), itemId, null, byCommunity ? ClaimerKind.COMMUNITY : ClaimerKind.PARTNER,
				claimer, null, past.partnerId(), null, past.amount(), past.dueOn(), status, past.claimedAt(),
				past.deliveredAt(), past.acceptedAt(), past.valueYuan(), past.hours(), past.peopleServed());
		if (!claims.insertClaim(claim, new UUID(0, 0))) {
			return false;
		}
		if (!items.take(itemId, past.amount(), past.claimedAt())) {
			throw new IllegalStateException("past claim exceeds the quantity of item " + itemId);
		}
		if (past.acceptedAt() != null) {
			items.completeIfDone(itemId, past.acceptedAt());
		}
		return true;
	}
}
