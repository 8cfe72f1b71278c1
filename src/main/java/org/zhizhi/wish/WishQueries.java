package org.zhizhi.wish;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.media.Photos;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.ReplicaRead;
import org.zhizhi.party.PartyQueries;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;
import org.zhizhi.wish.persistence.JdbcWishes;

/**
 * Reads of wishes, each for whom it is meant: the desk (community, grid workers) sees its scope's wishes in full;
 * a resident only his own; members and liaisons the wall of their scope, what was dispatched to them and what they
 * took — never who wishes it until they take it; anyone the public wall, which never names him.
 */
@Service
@Transactional(readOnly = true)
public class WishQueries {

	public static final int PAGE_SIZE = 50;

	static final int PUBLIC_LIMIT = 200;

	private final JdbcWishes wishes;

	private final Photos photos;

	private final AccountQueries accounts;

	private final OrgUnitQueries orgUnits;

	private final PartyQueries party;

	private final WishReach reach;

	private final WishUnits units;

	private final Clock clock;

	private final ZoneId zone;

	WishQueries(JdbcWishes wishes, Photos photos, AccountQueries accounts, OrgUnitQueries orgUnits, PartyQueries party,
			WishReach reach, WishUnits units, Clock clock, ZoneId zone) {
		this.units = units;
		this.clock = clock;
		this.zone = zone;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.party = party;
		this.reach = reach;
		this.wishes = wishes;
		this.photos = photos;
	}

	/** The desk's list of a scope: all wishes, or those in the given states, newest first. */
	public List<WishView> desk(Actor actor, Set<WishState> states, int page) {
		if (!WishRoles.usesDesk(actor)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		return views(wishes.list(actor.scope(), states == null ? Set.of() : states, PAGE_SIZE,
				Math.max(0, page) * PAGE_SIZE));
	}

	/** How many wishes of the scope wait in each state, for the desk's tabs. */
	public Map<WishState, Long> counts(Actor actor) {
		Map<WishState, Long> counts = new LinkedHashMap<>();
		if (WishRoles.usesDesk(actor)) {
			for (WishState state : WishState.values()) {
				counts.put(state, wishes.count(actor.scope(), state));
			}
		}
		return counts;
	}

	/**
	 * The wishes this person posted (for himself, or for residents he helped): the poster reaches his own wishes
	 * wherever he now works, so the relation, not a scope, selects them.
	 */
	public List<WishView> mine(Actor actor) {
		return views(wishes.postedBy(actor.userId(), PAGE_SIZE));
	}

	/**
	 * The wall of the caller's scope — and, for an in-service member, of the community of his dual registration:
	 * takeable wishes, without personal details.
	 */
	public List<WishView> wall(Actor actor) {
		return views(wishes.wall(reach.takerScopes(actor), today(), PAGE_SIZE)).stream()
			.map(w -> w.withoutPersonalDetails(false))
			.toList();
	}

	/** Dispatched to this account and not yet taken; a taker sees whom to deliver to. */
	public List<WishView> dispatchedToMe(Actor actor) {
		return views(wishes.dispatchedTo(reach.takerScopes(actor), actor.userId(), today(), PAGE_SIZE))
			.stream()
			.map(w -> w.withoutPersonalDetails(true))
			.toList();
	}

	/**
	 * What this account took (or recorded for a team or unit), and what his partner unit took: his take, not a scope,
	 * selects them — what he took stays his to finish.
	 */
	public List<WishView> takenByMe(Actor actor) {
		List<UUID> takers = new ArrayList<>();
		takers.add(actor.userId());
		units.unitOf(actor).ifPresent(unit -> takers.add(unit.id()));
		return views(wishes.takenBy(takers, PAGE_SIZE)).stream().map(w -> w.withoutPersonalDetails(true)).toList();
	}

	public Map<UUID, List<Taker>> takersOf(List<WishView> list) {
		return wishes.takers(list.stream().map(WishView::id).toList());
	}

	/** One wish as this person may see it, and what he may do with it now ({@link WishPolicy}); 404 when he may not see it. */
	public WishDetail detail(Actor actor, UUID id) {
		Wish wish = visible(actor, id).orElseThrow(() -> DomainException.notFound("wish"));
		List<Taker> takers = wishes.takers(wish.id());
		boolean desk = WishPolicy.desk(actor, wish);
		boolean poster = actor.userId().equals(wish.postedBy());
		boolean taker = isTaker(actor, takers);
		WishView shown = desk || poster ? WishView.of(wish) : WishView.of(wish).withoutPersonalDetails(taker
				|| actor.userId().equals(wish.dispatchAccountId()));
		if (!(desk || poster || taker)) {
			// the page shows no fulfilment photo he could not open
			shown = shown.withoutFulfilmentPhoto();
		}
		LocalDate today = today();
		Set<WishAction> actions = WishPolicy.allowedActions(actor, wish, taker, today);
		List<WishStep> timeline = desk || poster ? wishes.timeline(wish.id()) : List.of();
		return new WishDetail(shown, takers, timeline, taker, actions);
	}

	/**
	 * A photo of a wish as this person may see it; empty if he may not. Its own photo goes to whoever sees the wish;
	 * the fulfilment photo — often the resident at home — only to the poster, the community's desk and the takers,
	 * not to every member in reach of the wall.
	 */
	public Optional<byte[]> photo(Actor actor, UUID wishId, UUID photoId, boolean thumbnail) {
		Optional<Wish> found = visible(actor, wishId);
		if (found.isEmpty() || photoId == null) {
			return Optional.empty();
		}
		Wish wish = found.get();
		boolean own = photoId.equals(wish.photoId());
		boolean fulfilment = photoId.equals(wish.fulfilmentPhotoId()) && (actor.userId().equals(wish.postedBy())
				|| WishPolicy.desk(actor, wish) || isTaker(actor, wishes.takers(wish.id())));
		if (!own && !fulfilment) {
			return Optional.empty();
		}
		return thumbnail ? photos.thumbnail(photoId) : photos.photo(photoId);
	}

	/** Whether this person is among the wish's takers: he pressed the button, or his partner unit took it. */
	private boolean isTaker(Actor actor, List<Taker> takers) {
		return units.isTaker(actor, takers);
	}

	/** The public wall of a community by its code; empty when no wish was ever posted there. A replica may answer. */
	@ReplicaRead
	public Optional<PublicWall> publicWall(String communityCode) {
		if (communityCode == null || !communityCode.matches("[0-9]{6,20}")) {
			return Optional.empty();
		}
		return wishes.communityName(communityCode).map(name -> {
			List<WishView> open = views(wishes.publicWall(communityCode, false, PUBLIC_LIMIT));
			List<WishView> done = views(wishes.publicWall(communityCode, true, PUBLIC_LIMIT));
			List<WishView> all = new ArrayList<>(open);
			all.addAll(done);
			Map<UUID, List<Taker>> takers = wishes.takers(all.stream().map(WishView::id).toList());
			return new PublicWall(communityCode, name,
					open.stream().map(w -> PublicWish.of(w, takers.getOrDefault(w.id(), List.of()))).toList(),
					done.stream().map(w -> PublicWish.of(w, takers.getOrDefault(w.id(), List.of()))).toList(),
					wishes.countPublic(communityCode, false), wishes.countPublic(communityCode, true));
		});
	}

	/**
	 * The code of the community whose public wall the caller's desk links to: his own community (or the one his grid
	 * lies in), once it has a wall. Empty above the community level, where there is no single one.
	 */
	public Optional<String> publicWallCode(Actor actor) {
		return orgUnits.find(actor.scope(), actor.scope().orgUnitId())
			.filter(node -> node.level() == OrgLevel.COMMUNITY || node.level() == OrgLevel.GRID
					|| node.level() == OrgLevel.MICRO_GRID)
			.flatMap(node -> {
				if (node.level() == OrgLevel.COMMUNITY) {
					return Optional.of(node.code());
				}
				String path = WishManagement.communityPath(node.path());
				UUID id = UUID.fromString(path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1));
				return orgUnits.find(new DataScope(id, path), id).map(OrgUnit::code);
			})
			.filter(code -> wishes.communityName(code).isPresent());
	}

	/**
	 * Whom the desk may dispatch a wish to by name: the members and liaisons of its community (the first page), and the
	 * in-service members registered with it (双报到) whose accounts sit elsewhere.
	 */
	public List<DispatchCandidate> dispatchCandidates(Actor actor, WishView wish) {
		if (!WishRoles.mayVet(actor) || !actor.scope().covers(wish.scopePath())) {
			return List.of();
		}
		String path = WishManagement.communityPath(wish.scopePath());
		DataScope community = new DataScope(wish.communityId(), path);
		// the caller may sit above the community (a street): never list beyond his own scope
		DataScope scope = actor.scope().covers(community) ? community : actor.scope();
		List<DispatchCandidate> candidates = new ArrayList<>();
		accounts.list(scope, null, 0)
			.stream()
			.filter(a -> a.enabled() && a.roles().stream().anyMatch(WishRoles.TAKERS::contains))
			.forEach(a -> candidates.add(new DispatchCandidate(a.id(), a.displayName(), false)));
		party.dualRegistrationsIn(wish.communityId())
			.stream()
			.filter(r -> candidates.stream().noneMatch(c -> c.accountId().equals(r.accountId())))
			.forEach(r -> candidates.add(new DispatchCandidate(r.accountId(), r.name(), true)));
		return candidates;
	}

	/** The wish if this person may see it: every rule is in the statement (see {@code JdbcWishes.findVisible}). */
	private Optional<Wish> visible(Actor actor, UUID id) {
		boolean taker = WishRoles.mayTake(actor);
		UUID unitId = taker ? units.unitOf(actor).map(WishUnits.Unit::id).orElse(actor.userId()) : actor.userId();
		List<DataScope> reach = taker ? this.reach.takerScopes(actor) : List.of(actor.scope());
		return wishes.findVisible(actor.userId(), WishRoles.usesDesk(actor), actor.scope(), taker, unitId, reach, id);
	}

	private static List<WishView> views(List<Wish> wishes) {
		return wishes.stream().map(WishView::of).toList();
	}

	/** Today in the communities' calendar: a wish is takeable up to and including its date. */
	private LocalDate today() {
		return clock.instant().atZone(zone).toLocalDate();
	}
}
