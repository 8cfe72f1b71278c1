package org.zhizhi.points;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.points.persistence.JdbcPointsClaims;

/**
 * Tells the person what became of his claim — on notice until a day, credited with its points, rejected and why —
 * in his inbox, within the step's own transaction (a plain listener: the claim and its notice commit together).
 */
@Component
class PointsNotices {

	private final Notifications notifications;

	private final JdbcPointsClaims claims;

	private final MessageSource messages;

	PointsNotices(Notifications notifications, JdbcPointsClaims claims, MessageSource messages) {
		this.notifications = notifications;
		this.claims = claims;
		this.messages = messages;
	}

	@EventListener
	void on(PointsClaimEvent event) {
		PointsClaim claim = claims.findById(event.claimId()).orElse(null);
		String item = claim == null ? "" : claim.deed().ruleName();
		java.util.UUID district = claim == null ? null : claim.deed().claimant().districtId();
		Notice notice = switch (event) {
			case PointsClaimEvent.ClaimOnNotice n -> new Notice("POINTS_CLAIM_ON_NOTICE",
					m("points.inbox.onNoticeTitle", item), m("points.inbox.onNoticeBody", n.until().toString()),
					"/m/points", district);
			case PointsClaimEvent.ClaimCredited c -> new Notice("POINTS_CLAIM_CREDITED",
					m("points.inbox.creditedTitle", item), m("points.inbox.creditedBody", c.points()), "/m/points",
					district);
			case PointsClaimEvent.ClaimRejected r -> new Notice("POINTS_CLAIM_REJECTED",
					m("points.inbox.rejectedTitle", item), m("points.inbox.rejectedBody", r.reason()), "/m/points",
					district);
		};
		notifications.notify(List.of(event.claimantId()), notice);
	}

	private String m(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
