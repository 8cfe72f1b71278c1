package org.zhizhi.citylink;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.citylink.CitylinkCommands.AddPlatformLink;
import org.zhizhi.citylink.CitylinkViews.PlatformLinkView;
import org.zhizhi.citylink.CitylinkViews.WithKey;
import org.zhizhi.citylink.persistence.JdbcCityOrders;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.Sha256;

/**
 * The keys city platforms send their orders with: 256 random bits shown once to the district admin who makes one,
 * kept only as a SHA-256 hash, bound to his district and one source, revocable at once. They are not accounts: a key
 * opens {@code POST /api/v1/citylink/orders} and nothing else.
 */
@Service
public class PlatformLinks {

	/** A key's prefix: tells it apart from an account's API token ({@code zz_}) in a log or a configuration. */
	static final String PREFIX = "zzcl_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcCityOrders store;

	private final CommandShape shape;

	private final Clock clock;

	PlatformLinks(JdbcCityOrders store, CommandShape shape, Clock clock) {
		this.store = store;
		this.shape = shape;
		this.clock = clock;
	}

	@Transactional
	public WithKey add(Actor actor, AddPlatformLink command) {
		Subscribers.requireManager(actor);
		shape.check(command);
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = Ids.newId(clock);
		store.insertLink(id, DataScope.districtOf(actor.scope().path()), actor.scope().path(), command.source(),
				command.name().strip(), Sha256.hex(key), actor.userId(), clock.instant());
		PlatformLinkView view = store.links(actor.scope())
			.stream()
			.filter(l -> l.id().equals(id))
			.findFirst()
			.orElseThrow();
		return new WithKey(view, key);
	}

	public List<PlatformLinkView> list(Actor actor) {
		Subscribers.requireManager(actor);
		return store.links(actor.scope());
	}

	/** Revokes a key of the scope: its next order is refused with 401. Revoking a revoked key changes nothing. */
	@Transactional
	public void revoke(Actor actor, UUID id) {
		Subscribers.requireManager(actor);
		if (!store.revokeLink(actor.scope(), id, clock.instant()) && !store.linkExists(actor.scope(), id)) {
			throw DomainException.notFound("platform link");
		}
	}

	/** The link of a live key; nothing for a missing, unknown or revoked one. */
	@Transactional(readOnly = true)
	public Optional<PlatformLink> authenticate(String key) {
		if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
			return Optional.empty();
		}
		return store.liveByHash(Sha256.hex(key))
			.map(l -> new PlatformLink(l.id(), l.name(), l.source(), new DataScope(l.districtId(), l.scopePath())));
	}

	/**
	 * Who a platform reports as: not an account, so (as an Open311 client) a RESIDENT — the role that may report and
	 * takes no other step — under the link's id (the reporter its incidents carry), scoped to its district so its
	 * orders land only in that district's grids.
	 */
	public static Actor actorFor(PlatformLink link) {
		return new Actor(link.id(), "citylink:" + link.id(), link.name(), Set.of(Role.RESIDENT), link.scope());
	}
}
