package org.zhizhi.wish;

import static org.zhizhi.wish.WishInput.checkDue;
import static org.zhizhi.wish.WishInput.text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.media.Photos;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleRoles;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * The commands of 群众点单、社区派单、党员接单. Each step reads the wish in the caller's scope (or through the relation
 * that reaches it beyond: his dual registration, his take, his own post), checks what needs other modules, calls the
 * {@link Wish}'s method and saves it against the version read — the row count decides a race — then tells whoever acts
 * next; the timeline is written from the wish's events. All in one transaction.
 */
@Service
public class WishManagement {

	/** What the wish's notices are about, for the inbox to settle them once the wish has moved on. */
	static final String SUBJECT = "WISH";


	/** How often a step that lost a race reads the wish again: more than the most takers a wish has, with room. */
	static final int MAX_ATTEMPTS = 2 * WishInput.MAX_TAKERS + 2;

	private final JdbcWishes wishes;

	private final OrgUnitQueries orgUnits;

	private final AccountQueries accounts;

	private final PeopleQueries people;

	private final Photos photos;

	private final Notifications notifications;

	private final MessageSource messages;

	private final CommandShape shape;

	private final Clock clock;

	/** Wishes are dated by the calendar of the communities that post them. */
	private final ZoneId zone;

	private final PartyQueries party;

	private final WishReach reach;

	private final WishUnits units;

	WishManagement(JdbcWishes wishes, OrgUnitQueries orgUnits, AccountQueries accounts, PeopleQueries people,
			PartyQueries party, WishReach reach, WishUnits units, Photos photos, Notifications notifications,
			MessageSource messages, CommandShape shape, Clock clock, ZoneId zone) {
		this.shape = shape;
		this.units = units;
		this.party = party;
		this.reach = reach;
		this.wishes = wishes;
		this.orgUnits = orgUnits;
		this.accounts = accounts;
		this.people = people;
		this.photos = photos;
		this.notifications = notifications;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** 群众点单: a resident posts a wish (or a grid worker or the community for him), with an optional photo. */
	@Transactional
	public Wish post(Actor actor, PostWish command, byte[] photo) {
		DomainException refusal = WishPolicy.refusalBeforeReading(actor, WishAction.POST);
		if (refusal != null) {
			throw refusal;
		}
		Instant now = clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		checkDue(command.dueOn(), today(now), problems);
		int maxTakers = command.maxTakers() == null ? 1 : command.maxTakers();
		UUID placeId = command.orgUnitId() != null ? command.orgUnitId() : actor.scope().orgUnitId();
		OrgUnit place = orgUnits.find(actor.scope(), placeId)
			.filter(node -> node.level() == OrgLevel.COMMUNITY || node.level() == OrgLevel.GRID
					|| node.level() == OrgLevel.MICRO_GRID)
			.orElse(null);
		if (place == null) {
			problems.add(new FieldProblem("orgUnitId", "wish.placeNotACommunity"));
		}
		if (command.beneficiaryResidentId() != null) {
			// only those who read the registry link a person from it; the link never leaves the community's desk
			if (!PeopleRoles.mayRead(actor)) {
				problems.add(new FieldProblem("beneficiaryResidentId", "wish.residentNotLinkable"));
			}
			else {
				try {
					people.resident(actor, command.beneficiaryResidentId());
				}
				catch (DomainException e) {
					problems.add(new FieldProblem("beneficiaryResidentId", "wish.residentNotFound"));
				}
			}
		}
		shape.check(command, problems);
		OrgUnit community = communityOf(place);
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo).id();
		Wish wish = Wish.post(Ids.newId(clock),
				new Wish.Place(place.districtId(), place.id(), place.path(), community.id(), community.code(),
						community.name()),
				new PostWish(text(command.title()), text(command.description()), command.category(),
						text(command.publicLabel()), text(command.beneficiaryName()), command.beneficiaryResidentId(),
						text(command.beneficiaryAddress()), command.dueOn(), maxTakers, place.id()),
				maxTakers, photoId, actor.userId(), actor.displayName(), !actor.has(Role.RESIDENT), now);
		wishes.add(wish);
		notifications.notify(staffOf(wish), notice("WISH_POSTED", "notice.wish.posted", wish, "/wishes/" + wish.id()));
		return wish;
	}

	/** The community edits a wish before it goes out (wording, the public label, date, number of takers). */
	@Transactional
	public Wish edit(Actor actor, UUID id, EditWish command) {
		Instant now = clock.instant();
		return desk(actor, WishAction.EDIT, id, wish -> {
			wish.check(WishAction.EDIT, today(now));
			List<FieldProblem> problems = new ArrayList<>();
			// a field named blank is a field left empty, not one left alone
			if (command.title() != null && command.title().isBlank()) {
				problems.add(new FieldProblem("title", "validation.required"));
			}
			if (command.description() != null && command.description().isBlank()) {
				problems.add(new FieldProblem("description", "validation.required"));
			}
			checkDue(command.dueOn(), today(now), problems);
			shape.check(command, problems);
			wish.edit(command, actor.userId(), actor.displayName(), now);
		});
	}

	@Transactional
	public Wish approve(Actor actor, UUID id) {
		Instant now = clock.instant();
		return desk(actor, WishAction.APPROVE, id, wish -> wish.approve(actor.userId(), actor.displayName(), now));
	}

	@Transactional
	public Wish refuse(Actor actor, UUID id, RefuseWish command) {
		Instant now = clock.instant();
		Wish refused = desk(actor, WishAction.REFUSE, id, wish -> {
			wish.check(WishAction.REFUSE, today(now));
			shape.check(command);
			wish.refuse(command.reason(), actor.userId(), actor.displayName(), now);
		});
		notifications.notify(List.of(refused.postedBy()), notice("WISH_REFUSED", "notice.wish.refused", refused,
				"/m/my-wishes/" + refused.id(), refused.refusalReason()));
		return refused;
	}

	/** Onto the wish wall of its community, where members browse and take it. */
	@Transactional
	public Wish publish(Actor actor, UUID id) {
		Instant now = clock.instant();
		return desk(actor, WishAction.PUBLISH, id,
				wish -> wish.publish(actor.userId(), actor.displayName(), today(now), now));
	}

	/** 社区派单: to a named member or liaison, or to a volunteer team or unit by name. */
	@Transactional
	public Wish dispatch(Actor actor, UUID id, DispatchWish command) {
		Instant now = clock.instant();
		Wish dispatched = desk(actor, WishAction.DISPATCH, id, wish -> {
			wish.check(WishAction.DISPATCH, today(now));
			shape.check(command);
			UUID account = null;
			String name;
			if (command.kind() == DispatchKind.MEMBER) {
				DispatchCandidate taker = dispatchable(wish, command.accountId());
				if (taker == null) {
					throw DomainException.invalid(List.of(new FieldProblem("accountId", "wish.dispatchAccountUnknown")));
				}
				account = taker.accountId();
				name = taker.name();
			}
			else {
				// a team or unit is named, since nobody of the platform will take it for them
				name = text(command.name());
				if (name == null) {
					throw DomainException.invalid(List.of(new FieldProblem("name", "validation.required")));
				}
			}
			wish.dispatch(command.kind(), account, name, actor.userId(), actor.displayName(), today(now), now);
		});
		if (dispatched.dispatchAccountId() != null) {
			notifications.notify(List.of(dispatched.dispatchAccountId()),
					notice("WISH_DISPATCHED", "notice.wish.dispatched", dispatched, "/m/wishes/" + dispatched.id()));
		}
		return dispatched;
	}

	/** A member or liaison of the community, or an in-service member registered with it (双报到); null if neither. */
	private DispatchCandidate dispatchable(Wish wish, UUID accountId) {
		if (accountId == null) {
			return null;
		}
		return accounts.find(new DataScope(wish.communityId(), communityPath(wish.scopePath())), accountId)
			.filter(a -> a.enabled() && a.roles().stream().anyMatch(WishRoles.TAKERS::contains))
			.map(a -> new DispatchCandidate(a.id(), a.displayName(), false))
			.or(() -> party.dualRegistrationsIn(wish.communityId())
				.stream()
				.filter(r -> r.accountId().equals(accountId))
				.findFirst()
				.map(r -> new DispatchCandidate(r.accountId(), r.name(), true)))
			.orElse(null);
	}

	/**
	 * 党员接单: a member or liaison takes a wish from the wall (or the one dispatched to him); the community records the
	 * take of a team or unit it dispatched to by name. Of many takers at once, at most the wish's number win: each
	 * take is saved against the version it read, and one that lost reads the wish again and takes it again while a
	 * place is left. Taking twice is refused (the taker row's key), and whoever comes too late gets a conflict naming
	 * the state.
	 */
	@Transactional
	public Wish take(Actor actor, UUID id) {
		// the community takes (records) in its scope; a taker reaches his own scope and — an in-service member — the
		// community of his dual registration
		List<DataScope> scopes = WishRoles.mayTake(actor) ? reach.takerScopes(actor) : List.of(actor.scope());
		Function<UUID, Optional<Wish>> load = wishId -> wishes.findIn(scopes, wishId);
		Instant now = clock.instant();
		// the unit a liaison takes for, asked once and outside the retries
		Optional<WishUnits.Unit> unit = WishRoles.mayTake(actor) ? units.unitOf(actor) : Optional.empty();
		return step(load, WishAction.TAKE, id, wish -> {
			// whether he took it already is the taker row's key to refuse, when the take is saved
			WishPolicy.require(actor, wish, false, WishAction.TAKE);
			Taker taker;
			if (WishPolicy.recordedByName(wish)) {
				TakerKind kind = wish.dispatchKind() == DispatchKind.UNIT ? TakerKind.UNIT : TakerKind.TEAM;
				taker = Taker.recordedByName(kind, wish.dispatchName(), actor.userId(), now);
			}
			else {
				// a liaison takes for the unit he serves, so the wall thanks it and the points go to it; unbound, as
				// himself. The unit takes a wish once: a second liaison of it meets the taker row's key (wish, unit)
				taker = unit.map(u -> new Taker(u.id(), u.name(), TakerKind.UNIT, actor.userId(), now))
					.orElseGet(() -> new Taker(actor.userId(), actor.displayName(),
							actor.has(Role.PARTY_MEMBER) ? TakerKind.MEMBER : TakerKind.UNIT, actor.userId(), now));
			}
			wish.take(taker, actor.userId(), actor.displayName(), today(now), now);
		});
	}

	/**
	 * A taker reports the wish fulfilled, with a note and a photo; the resident (or his grid worker) is asked to
	 * confirm, and {@link WishFulfilled} is published once, inside this transaction, naming every taker: a take that
	 * commits meanwhile changes the version, so the fulfilment reads the wish and its takers again.
	 */
	@Transactional
	public Wish fulfil(Actor actor, UUID id, FulfilWish command, byte[] photo) {
		// he took it (or his partner unit did, through any of its liaisons) — wherever it lies — or it is in his reach
		List<DataScope> scopes = WishRoles.mayTake(actor) ? reach.takerScopes(actor) : List.of(actor.scope());
		UUID unitId = units.unitOf(actor).map(WishUnits.Unit::id).orElse(actor.userId());
		Function<UUID, Optional<Wish>> load = wishId -> wishes.findInOrTakenBy(scopes, actor.userId(), unitId, wishId);
		Instant now = clock.instant();
		UUID[] stored = new UUID[1];
		Wish fulfilled = step(load, WishAction.FULFIL, id, wish -> {
			List<Taker> takers = wishes.takers(wish.id());
			if (takers.size() != wish.takerCount()) {
				// a take committed between reading the wish and its takers: read both again
				throw new StaleRead();
			}
			WishPolicy.require(actor, wish, units.isTaker(actor, takers), WishAction.FULFIL);
			wish.check(WishAction.FULFIL, today(now));
			shape.check(command, photo == null || photo.length == 0
					? List.of(new FieldProblem("photo", "wish.fulfilNeedsPhoto")) : List.of());
			if (stored[0] == null) {
				stored[0] = photos.store(photo).id();
			}
			wish.fulfil(command.note(), stored[0], takers, actor.userId(), actor.displayName(), now);
		});
		notifications.notify(List.of(fulfilled.postedBy()),
				notice("WISH_FULFILLED", "notice.wish.fulfilled", fulfilled, "/m/my-wishes/" + fulfilled.id()));
		return fulfilled;
	}

	/** The resident confirms (or his grid worker or the community for him), and may thank the takers. */
	@Transactional
	public Wish confirm(Actor actor, UUID id, ConfirmWish command) {
		Function<UUID, Optional<Wish>> load = wishId -> wishes.findPostedByOrIn(actor.userId(),
				actor.hasAny(WishRoles.DESK), actor.scope(), wishId);
		Instant now = clock.instant();
		Wish confirmed = step(load, WishAction.CONFIRM, id, wish -> {
			WishPolicy.require(actor, wish, false, WishAction.CONFIRM);
			wish.check(WishAction.CONFIRM, today(now));
			shape.check(command);
			wish.confirm(command.thanks(), actor.userId(), actor.displayName(), now);
		});
		List<UUID> takers = wishes.takers(confirmed.id()).stream().map(Taker::accountId).filter(Objects::nonNull).toList();
		notifications.notify(takers, notice("WISH_CONFIRMED", "notice.wish.confirmed", confirmed,
				"/m/wishes/" + confirmed.id(), confirmed.thanks() == null ? "" : confirmed.thanks()));
		return confirmed;
	}

	/**
	 * The expiry sweep's step for one wish past its date, read in the scope of its district. Unclaimed, it goes back to
	 * the community, who is told. Taken by some but not all of the takers it was published for, it stays with its
	 * takers — who may still fulfil it, and takes are refused past the date — and the community is told once that
	 * places are left. Answers false when there was nothing to do (taken at the last minute, or already told).
	 */
	@Transactional
	public boolean raise(DataScope district, UUID id, Instant now) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Wish wish = wishes.find(district, id).orElseThrow(() -> DomainException.notFound("wish"));
			if (!wish.raise(today(now), now)) {
				return false;
			}
			boolean shortOfTakers = wish.state() == WishState.TAKEN;
			if (wishes.save(wish)) {
				if (shortOfTakers) {
					notifications.notify(staffOf(wish), notice("WISH_SHORT_OF_TAKERS", "wish.notice.shortOfTakers",
							wish, "/wishes/" + wish.id(), wish.takerCount(), wish.maxTakers()));
				}
				else {
					notifications.notify(staffOf(wish),
							notice("WISH_RAISED", "notice.wish.raised", wish, "/wishes/" + wish.id()));
				}
				return true;
			}
		}
		return false;
	}

	// ---- helpers ----------------------------------------------------------------------------------------------------

	/**
	 * One step: reads the wish, lets {@code change} check it and call the aggregate's method, and saves it against the
	 * version read. When someone else saved it first (0 rows), it reads the wish again and lets {@code change} decide
	 * anew — the wish refuses, naming the state it is in now, or (another place on a wish for several, a fulfilment
	 * overtaken by a take) the step goes through. Answers the wish as saved.
	 */
	private Wish step(Function<UUID, Optional<Wish>> load, WishAction action, UUID id, Consumer<Wish> change) {
		Wish wish = null;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			wish = load.apply(id).orElseThrow(() -> DomainException.notFound("wish"));
			try {
				change.accept(wish);
			}
			catch (StaleRead meanwhile) {
				continue;
			}
			if (wishes.save(wish)) {
				Wish saved = load.apply(id).orElseThrow();
				// the notices that asked someone to act on the wish in its former state are done (issue 15)
				notifications.settle(SUBJECT, id, saved.state().name(), List.of());
				return saved;
			}
		}
		throw WishLifecycle.TABLE.illegal(load.apply(id).map(Wish::state).orElse(wish.state()), action);
	}

	/**
	 * What {@code change} throws when what it read beside the wish is newer than the wish (a take committed between the
	 * two reads): its save could only lose, so the step reads both again.
	 */
	private static final class StaleRead extends RuntimeException {

		StaleRead() {
			super(null, null, false, false);
		}
	}

	/**
	 * A step of the community's while it vets: read in its scope — whoever does not vet is refused before the wish is
	 * read — then the policy, then {@code change}.
	 */
	private Wish desk(Actor actor, WishAction action, UUID id, Consumer<Wish> change) {
		DomainException refusal = WishPolicy.refusalBeforeReading(actor, action);
		if (refusal != null) {
			throw refusal;
		}
		return step(wishId -> wishes.find(actor.scope(), wishId), action, id, wish -> {
			WishPolicy.require(actor, wish, false, action);
			change.accept(wish);
		});
	}

	/** The community's staff: they vet, and hear of what comes back unclaimed. */
	private List<UUID> staffOf(Wish wish) {
		return accounts.covering(wish.scopePath(), EnumSet.of(Role.COMMUNITY_STAFF))
			.stream()
			.filter(a -> a.enabled())
			.map(a -> a.id())
			.toList();
	}

	private Notice notice(String kind, String key, Wish wish, String link, Object... extra) {
		Object[] args = new Object[1 + extra.length];
		args[0] = wish.title();
		System.arraycopy(extra, 0, args, 1, extra.length);
		String title = messages.getMessage(key + ".title", args, LocaleContextHolder.getLocale());
		String body = messages.getMessage(key + ".body", args, LocaleContextHolder.getLocale());
		return new Notice(kind, title, body, link, wish.districtId()).about(SUBJECT, wish.id(), wish.state().name());
	}

	private OrgUnit communityOf(OrgUnit place) {
		if (place.level() == OrgLevel.COMMUNITY) {
			return place;
		}
		String path = communityPath(place.path());
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1));
		// the community above the place; looked up in its own scope, which the place lies in
		return orgUnits.find(new DataScope(id, path), id).orElseThrow(() -> DomainException.notFound("community"));
	}

	/** The path of the community a path lies in: the tree is city / district / street / community / grid / … */
	static String communityPath(String path) {
		String[] parts = path.split("/");
		if (parts.length < 5) {
			throw new IllegalArgumentException("not below a community: " + path);
		}
		return "/" + String.join("/", List.of(parts).subList(1, 5)) + "/";
	}

	LocalDate today(Instant now) {
		return now.atZone(zone).toLocalDate();
	}
}
