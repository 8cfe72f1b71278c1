package org.zhizhi.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.persistence.JdbcDuty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;

/**
 * Reads of the duty posts (党员示范岗, 责任区) and their rosters, always within a scope — and the one question another
 * module asks: who is on duty in these grids now ({@link #onDuty}), which the emergency whistle uses to call the
 * members standing at their posts in the grid where something happened.
 */
@Service
@Transactional(readOnly = true)
public class DutyRosters {

	static final int LIST_LIMIT = 500;

	private final JdbcDuty duty;

	private final ZoneId zone;

	private final Clock clock;

	DutyRosters(JdbcDuty duty, ZoneId zone, Clock clock) {
		this.duty = duty;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * The members on duty at {@code at} in any of the grids, one line per member, post and grid (a member on two posts
	 * covering the grid is named twice, with each post): the open posts covering a grid inside the scope, the shifts
	 * of their rosters covering the moment, members still active. Ordered by grid, post and member. A grid outside the
	 * scope has nobody on duty, as a grid that does not exist.
	 */
	public List<OnDuty> onDuty(DataScope scope, Collection<UUID> gridIds, Instant at) {
		LocalDate day = LocalDate.ofInstant(at, zone);
		List<OnDuty> found = new ArrayList<>();
		for (JdbcDuty.Candidate candidate : duty.candidates(scope, gridIds, at, day.getDayOfWeek())) {
			DutyShift shift = candidate.shift();
			shift.coveringUntil(at, zone).ifPresent(until -> {
				OnDuty line = new OnDuty(shift.memberId(), shift.memberName(), candidate.accountId(), shift.postId(),
						candidate.postName(), candidate.postKind(), candidate.gridId(), candidate.gridName(), until);
				// two shifts of one member on one post may overlap: he is on duty once, until the later end
				found.removeIf(kept -> sameDuty(kept, line) && !kept.until().isAfter(line.until()));
				if (found.stream().noneMatch(kept -> sameDuty(kept, line))) {
					found.add(line);
				}
			});
		}
		return List.copyOf(found);
	}

	/**
	 * The members holding a 党员示范岗 that covers any of the grids — on its roster, whatever their shift at {@code at}
	 * (an emergency calls the post's people, not only the one standing there now): one line per member, post and
	 * grid, members still active, posts still open, shifts not over. A grid outside the scope has no holders.
	 */
	public List<PostHolder> modelPostHolders(DataScope scope, Collection<UUID> gridIds, Instant at) {
		return duty.holders(scope, gridIds, DutyPostKind.MODEL_POST, at, LocalDate.ofInstant(at, zone));
	}

	private static boolean sameDuty(OnDuty a, OnDuty b) {
		return a.memberId().equals(b.memberId()) && a.postId().equals(b.postId()) && a.gridId().equals(b.gridId());
	}

	/** {@link #onDuty(DataScope, Collection, Instant)} in the caller's scope, at the moment or else now. */
	public List<OnDuty> onDuty(Actor actor, Collection<UUID> gridIds, Instant at) {
		PartyRules.checkReader(actor);
		return onDuty(actor.scope(), gridIds, at == null ? clock.instant() : at);
	}

	/** The posts inside the caller's scope, of one organisation if given. */
	public List<DutyPost> posts(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return duty.posts(actor.scope(), orgId, LIST_LIMIT);
	}

	public Optional<DutyPost> post(Actor actor, UUID id) {
		PartyRules.checkReader(actor);
		return duty.post(actor.scope(), id);
	}

	/** The roster of a post inside the caller's scope (empty when the post is not). */
	public List<DutyShift> roster(Actor actor, UUID postId) {
		return post(actor, postId).map(post -> duty.roster(post.id())).orElse(List.of());
	}
}
