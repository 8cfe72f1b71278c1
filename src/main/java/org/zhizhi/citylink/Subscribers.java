package org.zhizhi.citylink;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.citylink.CitylinkCommands.AddSubscriber;
import org.zhizhi.citylink.CitylinkViews.DeliveryDetail;
import org.zhizhi.citylink.CitylinkViews.DeliveryView;
import org.zhizhi.citylink.CitylinkViews.SubscriberView;
import org.zhizhi.citylink.CitylinkViews.WithSecret;
import org.zhizhi.citylink.persistence.JdbcDeliveries;
import org.zhizhi.citylink.persistence.JdbcSubscribers;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * A district's subscribers and their delivery log: adding one (its secret shown once), pausing, resuming, replacing
 * the secret, and sending a delivery again. All of it the district admin's, in his scope; another district's
 * subscriber or delivery is not found.
 */
@Service
public class Subscribers {

	public static final int PAGE_SIZE = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcSubscribers subscribers;

	private final JdbcDeliveries deliveries;

	private final CitylinkSeal seal;

	private final CommandShape shape;

	private final Clock clock;

	private final boolean allowLocalHttp;

	private final SubscriberPresence presence;

	Subscribers(JdbcSubscribers subscribers, JdbcDeliveries deliveries, CitylinkSeal seal, CommandShape shape,
			Clock clock, CitylinkProperties settings, SubscriberPresence presence) {
		this.presence = presence;
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.seal = seal;
		this.shape = shape;
		this.clock = clock;
		this.allowLocalHttp = settings.allowLocalHttp();
	}

	/** Whether the person manages the links of his scope (the desk page, the API, the navigation). */
	public static boolean mayManage(Actor actor) {
		return actor.hasAny(DeliveryLifecycle.MANAGERS);
	}

	static void requireManager(Actor actor) {
		if (!mayManage(actor)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "citylink.notManager");
		}
	}

	@Transactional
	public WithSecret add(Actor actor, AddSubscriber command) {
		requireManager(actor);
		List<FieldProblem> more = new ArrayList<>();
		if (command.url() != null && !command.url().isBlank() && !acceptableUrl(command.url().strip(), allowLocalHttp)) {
			more.add(new FieldProblem("url", allowLocalHttp ? "citylink.urlHttpsOrLocal" : "citylink.urlHttps"));
		}
		if (command.kinds() != null && command.kinds().stream().anyMatch(k -> !FeedKinds.known(k))) {
			more.add(new FieldProblem("kinds", "citylink.unknownKind"));
		}
		shape.check(command, more);
		UUID id = Ids.newId(clock);
		String secret = newSecret();
		Instant now = clock.instant();
		subscribers.insert(new JdbcSubscribers.NewSubscriber(id, DataScope.districtOf(actor.scope().path()),
				actor.scope().path(), command.name().strip(), command.url().strip(),
				List.copyOf(new LinkedHashSet<>(command.kinds())), command.source(), seal.sealSecret(id, secret),
				actor.userId(), now));
		presence.added();
		return new WithSecret(get(actor.scope(), id), secret);
	}

	public List<SubscriberView> list(Actor actor) {
		requireManager(actor);
		return subscribers.list(actor.scope());
	}

	public SubscriberView get(Actor actor, UUID id) {
		requireManager(actor);
		return get(actor.scope(), id);
	}

	private SubscriberView get(DataScope scope, UUID id) {
		return subscribers.find(scope, id).orElseThrow(() -> DomainException.notFound("subscriber"));
	}

	@Transactional
	public SubscriberView pause(Actor actor, UUID id) {
		return step(actor, id, SubscriberAction.PAUSE, SubscriberState.PAUSED).subscriber();
	}

	@Transactional
	public SubscriberView resume(Actor actor, UUID id) {
		return step(actor, id, SubscriberAction.RESUME, SubscriberState.ACTIVE).subscriber();
	}

	/**
	 * A new secret, shown once; the old one signs nothing from now on. Deliveries already claimed by a worker may still
	 * go out under the old one for the length of a send.
	 */
	@Transactional
	public WithSecret rotateSecret(Actor actor, UUID id) {
		return step(actor, id, SubscriberAction.ROTATE_SECRET, null);
	}

	/**
	 * Retires the subscriber for good: nothing more is sent to it, and what still waited for it is given up in the same
	 * transaction (its log keeps them as failed, with the reason). Its log stays readable until the retention sweep.
	 */
	@Transactional
	public SubscriberView retire(Actor actor, UUID id) {
		step(actor, id, SubscriberAction.RETIRE, SubscriberState.RETIRED);
		deliveries.giveUpPendingOf(id, RETIRED_REASON);
		return get(actor.scope(), id);
	}

	/** Written into each delivery a retirement gave up, as a worker writes the error of its last attempt. */
	static final String RETIRED_REASON = "订阅方已停用，未再推送";

	private WithSecret step(Actor actor, UUID id, SubscriberAction action, SubscriberState target) {
		requireManager(actor);
		SubscriberView current = get(actor.scope(), id);
		SubscriberState next = SubscriberLifecycle.TABLE.move(current.state(), action,
				target == null ? current.state() : target);
		String secret = action == SubscriberAction.ROTATE_SECRET ? newSecret() : null;
		if (!subscribers.save(id, current.version(), next, secret == null ? null : seal.sealSecret(id, secret),
				secret == null ? null : clock.instant(), clock.instant())) {
			// someone saved it since it was read: refused as the table refuses from the state it is in now
			SubscriberView now = get(actor.scope(), id);
			throw SubscriberLifecycle.TABLE.illegal(now.state(), action);
		}
		return new WithSecret(get(actor.scope(), id), secret);
	}

	// --- the delivery log ---------------------------------------------------------------------------------------

	public List<DeliveryView> deliveries(Actor actor, UUID subscriberId, DeliveryState state, int page) {
		requireManager(actor);
		if (subscriberId != null) {
			get(actor.scope(), subscriberId);
		}
		return deliveries.list(actor.scope(), subscriberId, state, PAGE_SIZE, Math.max(page, 0) * PAGE_SIZE);
	}

	public DeliveryDetail delivery(Actor actor, UUID id) {
		requireManager(actor);
		DeliveryView delivery = deliveries.find(actor.scope(), id)
			.orElseThrow(() -> DomainException.notFound("delivery"));
		return new DeliveryDetail(delivery, deliveries.attempts(id), deliveries.payload(delivery.eventId()));
	}

	/** Sends a delivered or given-up delivery again, at once, with the same event id: subscribers drop duplicates. */
	@Transactional
	public DeliveryDetail resend(Actor actor, UUID id) {
		requireManager(actor);
		DeliveryView view = deliveries.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("delivery"));
		if (get(actor.scope(), view.subscriberId()).state() == SubscriberState.RETIRED) {
			throw new DomainException(Category.CONFLICT, "SUBSCRIBER_RETIRED", "citylink.subscriberRetired");
		}
		Delivery delivery = new Delivery(view.id(), view.state(), view.attempts(), view.version());
		Delivery.Outcome outcome = delivery.resend(clock.instant());
		if (!deliveries.resend(id, view.version(), outcome.nextAttemptAt())) {
			DeliveryView now = deliveries.find(actor.scope(), id).orElseThrow();
			throw DeliveryLifecycle.TABLE.illegal(now.state(), DeliveryAction.RESEND);
		}
		return delivery(actor, id);
	}

	/**
	 * https anywhere; plain http only to this machine and only where allowed (tests, a developer's receiver). No
	 * credentials in the address: they would show on every page that lists it.
	 */
	static boolean acceptableUrl(String url, boolean allowLocalHttp) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception e) {
			return false;
		}
		if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
			return false;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			return true;
		}
		return scheme.equals("http") && allowLocalHttp && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
	}

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	/** 256 random bits, in a form a subscriber can paste into its configuration. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
