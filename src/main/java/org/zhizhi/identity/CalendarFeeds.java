package org.zhizhi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AuditEntry.Outcome;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcCalendarFeeds;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Sha256;

/**
 * The private calendar feed of an account: a URL with 256 random bits that a phone's calendar app fetches without
 * signing in, answering as its holder — so it shows exactly what he may read, and nothing once he is disabled. Kept
 * only as a hash; a new one replaces the old, and the holder can revoke it. Issued and revoked in the audit trail.
 */
@Service
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "zf_";

	private final JdbcCalendarFeeds feeds;

	private final JdbcAccounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	CalendarFeeds(JdbcCalendarFeeds feeds, JdbcAccounts accounts, AuditTrail audit, Clock clock) {
		this.feeds = feeds;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new feed token for the holder (shown once: only its hash is kept); his old feed URL stops working. */
	@Transactional
	public String issue(Actor holder, String remoteAddress) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		feeds.replace(holder.userId(), Sha256.digest(token), clock.instant());
		audit.record(holder, remoteAddress, "CALENDAR_FEED_ISSUE", "account", holder.userId().toString(),
				Outcome.SUCCESS, null);
		return token;
	}

	@Transactional
	public boolean revoke(Actor holder, String remoteAddress) {
		boolean revoked = feeds.delete(holder.userId());
		if (revoked) {
			audit.record(holder, remoteAddress, "CALENDAR_FEED_REVOKE", "account", holder.userId().toString(),
					Outcome.SUCCESS, null);
		}
		return revoked;
	}

	/** When the holder's live feed was issued, if he has one. */
	@Transactional(readOnly = true)
	public Optional<Instant> issuedAt(Actor holder) {
		return feeds.issuedAt(holder.userId());
	}

	/** The holder a feed token answers as: an enabled account with this live token. */
	@Transactional(readOnly = true)
	public Optional<Actor> holder(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return feeds.account(Sha256.digest(token)).flatMap(accounts::findUnscoped).map(Authenticator::actorOf);
	}
}
