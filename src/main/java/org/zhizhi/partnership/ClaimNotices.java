package org.zhizhi.partnership;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.partnership.persistence.Board;
import org.zhizhi.partnership.persistence.JdbcBoards;
import org.zhizhi.partnership.persistence.JdbcClaims;
import org.zhizhi.partnership.persistence.JdbcListItems;
import org.zhizhi.partnership.persistence.JdbcPartners;
import org.zhizhi.shared.Role;

/**
 * The notices of the claiming steps: the community's staff learn of a unit's claim and of a delivery, a unit's
 * liaisons of the community's acceptance or refusal. The delivery's steps are heard as the {@link PledgeEvent}s their
 * save publishes, inside the step's transaction (the inbox row commits with the step or not at all); a claim is told
 * by {@link Claims} itself, which alone knows whether a liaison made it.
 */
@Component
class ClaimNotices {

	private final JdbcBoards boards;

	private final JdbcListItems items;

	private final JdbcPartners partners;

	private final JdbcClaims claims;

	private final AccountQueries accounts;

	private final Notifications notifications;

	private final MessageSource messages;

	ClaimNotices(JdbcBoards boards, JdbcListItems items, JdbcPartners partners, JdbcClaims claims,
			AccountQueries accounts, Notifications notifications, MessageSource messages) {
		this.boards = boards;
		this.items = items;
		this.partners = partners;
		this.claims = claims;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	/**
	 * What a pledge's notices are about: each step settles the notices sent while the pledge stood elsewhere — the
	 * community's "to accept" once accepted or sent back, the unit's "sent back" once delivered again (issue 15).
	 */
	static final String SUBJECT = "CLAIM";

	@EventListener
	void on(PledgeDelivered delivered) {
		notifications.settle(SUBJECT, delivered.claimId(), ClaimStatus.DELIVERED.name(), List.of());
		claims.claim(delivered.claimId())
			.ifPresent(claim -> tell(staffOf(claim), "PARTNERSHIP_DELIVERED", "notice.partnership.delivered", claim,
					claim.partnerName()));
	}

	@EventListener
	void on(PledgeAccepted accepted) {
		notifications.settle(SUBJECT, accepted.claimId(), ClaimStatus.ACCEPTED.name(), List.of());
		claims.claim(accepted.claimId())
			.ifPresent(claim -> tell(liaisonsOf(claim), "PARTNERSHIP_ACCEPTED", "notice.partnership.accepted", claim,
					accepted.note()));
	}

	@EventListener
	void on(PledgeSentBack sentBack) {
		notifications.settle(SUBJECT, sentBack.claimId(), ClaimStatus.PLEDGED.name(), List.of());
		claims.claim(sentBack.claimId())
			.ifPresent(claim -> tell(liaisonsOf(claim), "PARTNERSHIP_SENT_BACK", "notice.partnership.sentBack", claim,
					sentBack.reason()));
	}

	List<UUID> staffOf(UUID communityId) {
		return boards.board(communityId)
			.map(b -> accounts.covering(b.path(), EnumSet.of(Role.COMMUNITY_STAFF))
				.stream()
				.filter(Account::enabled)
				.map(Account::id)
				.toList())
			.orElse(List.of());
	}

	List<UUID> staffOf(Claim claim) {
		return items.itemCommunity(claim.itemId()).map(this::staffOf).orElse(List.of());
	}

	List<UUID> liaisonsOf(Claim claim) {
		return claim.partnerId() == null ? List.of() : partners.liaisonsOf(claim.partnerId());
	}

	/** Tells the recipients, in the step's transaction (the inbox row commits with the step or not at all). */
	void tell(List<UUID> recipients, String kind, String key, ListItem item, String detail) {
		tell(recipients, kind, key, item.title(), item.id(), item.communityId(), detail);
	}

	void tell(List<UUID> recipients, String kind, String key, Claim claim, String detail) {
		UUID community = items.itemCommunity(claim.itemId()).orElse(null);
		// the pledge as the step left it (the events are published after the save, in its transaction)
		tell(recipients, kind, key, claim.itemTitle(), claim.itemId(), community, detail,
				new Notice.Subject(SUBJECT, claim.id(), claim.status().name()));
	}

	private void tell(List<UUID> recipients, String kind, String key, String title, UUID itemId, UUID communityId,
			String detail) {
		tell(recipients, kind, key, title, itemId, communityId, detail, null);
	}

	private void tell(List<UUID> recipients, String kind, String key, String title, UUID itemId, UUID communityId,
			String detail, Notice.Subject subject) {
		if (recipients.isEmpty() || communityId == null) {
			return;
		}
		UUID district = boards.board(communityId).map(Board::districtId).orElse(null);
		Object[] args = { title, detail == null ? "" : detail };
		notifications.notify(recipients, new Notice(kind,
				messages.getMessage(key + ".title", args, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage(key + ".body", args, Locale.SIMPLIFIED_CHINESE), "/partnership/items/" + itemId,
				district, subject));
	}
}
