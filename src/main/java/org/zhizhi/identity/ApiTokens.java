package org.zhizhi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcApiTokens;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Sha256;
import org.zhizhi.shared.invalidation.Invalidations;

/**
 * Bearer tokens for the API: 256 random bits handed out once, kept only as a SHA-256 hash, valid until they expire or
 * are revoked, and dead at once when the account is disabled.
 */
@Service
public class ApiTokens {

	public record IssuedToken(String token, Instant expiresAt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcApiTokens tokens;

	private final JdbcAccounts accounts;

	private final Clock clock;

	private final Duration ttl;

	private final Invalidations invalidations;

	/** What a revocation announces to every node: forget the tokens you remember. */
	static final String REVOKED = "identity.api-tokens";

	/** How long a token looked up stays known without a look-up (see {@link #authenticate}). */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private final Cache<String, Known> known = Caffeine.newBuilder()
		.expireAfterWrite(RECHECK)
		.maximumSize(100_000)
		.build();

	/** Counts the forgettings, so that a look-up that overlapped one does not remember what it read before it. */
	private final AtomicLong forgotten = new AtomicLong();

	ApiTokens(JdbcApiTokens tokens, JdbcAccounts accounts, Clock clock, SignInProperties settings,
			Invalidations invalidations) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.ttl = settings.tokenTtl();
		this.invalidations = invalidations;
		invalidations.onAnnounced(REVOKED, key -> forgetAll());
	}

	@Transactional
	public IssuedToken issue(Actor actor) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "zz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(ttl);
		tokens.insert(Ids.newId(clock), actor.userId(), Sha256.digest(token), now, expiresAt);
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The person a token signs in, from the tokens seen in the last {@link #RECHECK} if it is one of them: a client
	 * sends its token with every call, and two look-ups per call were a fifth of what a report cost PostgreSQL (issue
	 * 16). Revoking a token, all of a person's tokens or disabling the account (which revokes them) forgets them here
	 * at once and again after the revocation commits, so revocation stays immediate on this node; the commit also
	 * announces it to every other node ({@link Invalidations}), which forgets every token it remembers within
	 * milliseconds. A node that knows it cannot hear those announcements does not answer from memory at all; one whose
	 * listening connection broke silently knows it within {@code zhizhi.invalidation.heartbeat + check-timeout} (3 s),
	 * which bounds revocation on another node at worst. The re-check still bounds how long a change of the person's
	 * roles or scope takes to show on a token. A token's own expiry is checked on every call.
	 */
	public Optional<Actor> authenticate(String token) {
		if (token == null || !token.startsWith("zz_") || token.length() > 100) {
			return Optional.empty();
		}
		byte[] hash = Sha256.digest(token);
		String key = HexFormat.of().formatHex(hash);
		Instant now = clock.instant();
		Known seen = invalidations.listening() ? known.getIfPresent(key) : null;
		if (seen != null && seen.expiresAt().isAfter(now)) {
			return Optional.of(seen.actor());
		}
		long before = forgotten.get();
		Optional<Known> live = tokens.live(hash, now)
			.flatMap(t -> accounts.findUnscoped(t.accountId())
				.map(account -> new Known(t.tokenId(), t.accountId(), t.expiresAt(), Authenticator.actorOf(account))));
		live.ifPresentOrElse(k -> {
			// a revocation that committed while this look-up read may have been forgotten already: not remembered then
			if (forgotten.get() == before) {
				known.put(key, k);
			}
		}, () -> known.invalidate(key));
		return live.map(Known::actor);
	}

	@Transactional
	public boolean revoke(String token) {
		String key = HexFormat.of().formatHex(Sha256.digest(token));
		forget(k -> false, key);
		return tokens.revoke(Sha256.digest(token), clock.instant()) > 0;
	}

	@Transactional
	public int revokeAll(UUID accountId) {
		forget(k -> k.accountId().equals(accountId), null);
		return tokens.revokeAll(accountId, clock.instant());
	}
	/** The person's tokens that still let a client in (when issued, until when), newest first. */
	@Transactional(readOnly = true)
	public List<JdbcApiTokens.LiveToken> live(UUID accountId) {
		return tokens.live(accountId, clock.instant());
	}

	/** Revokes one of the person's own tokens; false if it is not his or no longer live. */
	@Transactional
	public boolean revoke(UUID accountId, UUID tokenId) {
		forget(k -> k.tokenId().equals(tokenId), null);
		return tokens.revoke(accountId, tokenId, clock.instant()) > 0;
	}

	/**
	 * Forgets the tokens a revocation ends, now and once more when it has committed: a call that looked a token up
	 * while the revocation was still uncommitted may have remembered it again in between. The other nodes are told in
	 * the revocation's transaction, so they hear it as it commits.
	 */
	private void forget(Predicate<Known> ended, String key) {
		invalidations.announce(REVOKED);
		Runnable forget = () -> {
			forgotten.incrementAndGet();
			if (key != null) {
				known.invalidate(key);
			}
			known.asMap().values().removeIf(ended);
		};
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}

	/** What another node's revocation asks: every token this node remembers (revocations are rare). */
	private void forgetAll() {
		forgotten.incrementAndGet();
		known.invalidateAll();
	}

	/** A live token as last looked up: whose it is, until when, and the person it signs in. */
	private record Known(UUID tokenId, UUID accountId, Instant expiresAt, Actor actor) {
	}
}
