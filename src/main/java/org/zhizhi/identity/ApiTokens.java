package org.zhizhi.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.persistence.JdbcAccounts;
import org.zhizhi.identity.persistence.JdbcApiTokens;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Sha256;

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

	ApiTokens(JdbcApiTokens tokens, JdbcAccounts accounts, Clock clock, SignInProperties settings) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.ttl = settings.tokenTtl();
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

	@Transactional(readOnly = true)
	public Optional<Actor> authenticate(String token) {
		if (token == null || !token.startsWith("zz_") || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.liveAccount(Sha256.digest(token), clock.instant())
			.flatMap(accounts::findUnscoped)
			.map(Authenticator::actorOf);
	}

	@Transactional
	public boolean revoke(String token) {
		return tokens.revoke(Sha256.digest(token), clock.instant()) > 0;
	}

	@Transactional
	public int revokeAll(UUID accountId) {
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
		return tokens.revoke(accountId, tokenId, clock.instant()) > 0;
	}
}
