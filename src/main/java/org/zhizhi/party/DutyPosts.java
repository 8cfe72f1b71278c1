package org.zhizhi.party;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.DutyCommands.NewDutyPost;
import org.zhizhi.party.DutyCommands.NewOnceShift;
import org.zhizhi.party.DutyCommands.NewWeeklyShift;
import org.zhizhi.party.persistence.JdbcDuty;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Commands of the duty posts: set up a 党员示范岗 or 责任区 of an organisation over grids of the writer's scope, put a
 * member on its roster once or weekly, take a shift off, close the post. For the writers of the party registry.
 */
@Service
@Transactional
public class DutyPosts {

	/** A once-shift longer than a week is a standing duty: a weekly shift says that better. */
	static final Duration ONCE_MAX = Duration.ofDays(7);

	private final JdbcDuty duty;

	private final JdbcParty party;

	private final OrgUnitQueries orgUnits;

	private final CommandShape shape;

	private final Clock clock;

	DutyPosts(JdbcDuty duty, JdbcParty party, OrgUnitQueries orgUnits, CommandShape shape, Clock clock) {
		this.duty = duty;
		this.party = party;
		this.orgUnits = orgUnits;
		this.shape = shape;
		this.clock = clock;
	}

	public DutyPost addPost(Actor actor, NewDutyPost command) {
		PartyRules.checkWriter(actor);
		List<FieldProblem> more = new ArrayList<>();
		PartyOrg org = command.orgId() == null ? null : party.org(actor.scope(), command.orgId()).orElse(null);
		if (command.orgId() != null && org == null) {
			more.add(new FieldProblem("orgId", "party.org.unknown"));
		}
		Map<UUID, OrgUnit> grids = new LinkedHashMap<>();
		if (command.gridIds() != null) {
			for (UUID gridId : command.gridIds()) {
				OrgUnit grid = gridId == null ? null : orgUnits.find(actor.scope(), gridId)
					.filter(node -> node.level() == OrgLevel.GRID || node.level() == OrgLevel.MICRO_GRID)
					.orElse(null);
				if (grid == null) {
					more.add(new FieldProblem("gridIds", "party.duty.gridUnknown"));
					break;
				}
				grids.put(grid.id(), grid);
			}
		}
		shape.check(command, more);
		String name = command.name().strip();
		if (duty.postNameTaken(org.id(), name)) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "party.duty.nameTaken", name)));
		}
		List<DutyGrid> covered = grids.values().stream().map(g -> new DutyGrid(g.id(), g.name())).toList();
		Map<UUID, String> paths = new LinkedHashMap<>();
		grids.values().forEach(g -> paths.put(g.id(), g.path()));
		DutyPost post = new DutyPost(Ids.newId(clock), org.id(), org.name(), command.kind(), name,
				command.duty().strip(), covered, null);
		duty.insertPost(post, org.scopePath(), DataScope.districtOf(org.scopePath()), paths, clock.instant(),
				actor.userId());
		return post;
	}

	/** Closes the post: nobody stands on it from now; its roster stays as it was. */
	public DutyPost closePost(Actor actor, UUID postId) {
		PartyRules.checkWriter(actor);
		DutyPost post = openPost(actor, postId);
		if (!duty.closePost(post.id(), clock.instant(), actor.userId())) {
			throw closed();
		}
		return duty.post(actor.scope(), postId).orElseThrow();
	}

	public DutyShift addOnceShift(Actor actor, UUID postId, NewOnceShift command) {
		PartyRules.checkWriter(actor);
		DutyPost post = openPost(actor, postId);
		List<FieldProblem> more = new ArrayList<>();
		PartyMember member = onDutyMember(actor, command.memberId(), more);
		if (command.startsAt() != null && command.endsAt() != null) {
			if (!command.endsAt().isAfter(command.startsAt())) {
				more.add(new FieldProblem("endsAt", "party.duty.endBeforeStart"));
			}
			else if (Duration.between(command.startsAt(), command.endsAt()).compareTo(ONCE_MAX) > 0) {
				more.add(new FieldProblem("endsAt", "party.duty.tooLong"));
			}
		}
		shape.check(command, more);
		DutyShift shift = new DutyShift(Ids.newId(clock), post.id(), member.id(), member.name(), ShiftPattern.ONCE,
				command.startsAt(), command.endsAt(), null, null, null, null, null);
		duty.insertShift(shift, DataScope.districtOf(orgPath(post)), clock.instant(), actor.userId());
		return shift;
	}

	public DutyShift addWeeklyShift(Actor actor, UUID postId, NewWeeklyShift command) {
		PartyRules.checkWriter(actor);
		DutyPost post = openPost(actor, postId);
		List<FieldProblem> more = new ArrayList<>();
		PartyMember member = onDutyMember(actor, command.memberId(), more);
		if (command.startTime() != null && command.startTime().equals(command.endTime())) {
			more.add(new FieldProblem("endTime", "party.duty.sameTimes"));
		}
		if (command.validFrom() != null && command.validUntil() != null
				&& command.validUntil().isBefore(command.validFrom())) {
			more.add(new FieldProblem("validUntil", "party.duty.untilBeforeFrom"));
		}
		shape.check(command, more);
		DutyShift shift = new DutyShift(Ids.newId(clock), post.id(), member.id(), member.name(), ShiftPattern.WEEKLY,
				null, null, command.dayOfWeek(), command.startTime(), command.endTime(), command.validFrom(),
				command.validUntil());
		duty.insertShift(shift, DataScope.districtOf(orgPath(post)), clock.instant(), actor.userId());
		return shift;
	}

	public void removeShift(Actor actor, UUID postId, UUID shiftId) {
		PartyRules.checkWriter(actor);
		DutyPost post = duty.post(actor.scope(), postId).orElseThrow(() -> DomainException.notFound("duty-post"));
		if (!duty.removeShift(post.id(), shiftId, clock.instant(), actor.userId())) {
			throw DomainException.notFound("duty-shift");
		}
	}

	private DutyPost openPost(Actor actor, UUID postId) {
		DutyPost post = duty.post(actor.scope(), postId).orElseThrow(() -> DomainException.notFound("duty-post"));
		if (!post.open()) {
			throw closed();
		}
		return post;
	}

	private static DomainException closed() {
		return new DomainException(Category.CONFLICT, "DUTY_POST_CLOSED", "party.duty.closed");
	}

	/** The member of the writer's scope to put on duty: an active party member, not an applicant or activist. */
	private PartyMember onDutyMember(Actor actor, UUID memberId, List<FieldProblem> problems) {
		if (memberId == null) {
			return null;
		}
		PartyMember member = party.member(actor.scope(), memberId).orElse(null);
		if (member == null) {
			problems.add(new FieldProblem("memberId", "party.member.unknown"));
		}
		else if (member.status() != MemberStatus.ACTIVE || !member.kind().isMember()) {
			problems.add(new FieldProblem("memberId", "party.duty.memberNotActive"));
		}
		return member;
	}

	private String orgPath(DutyPost post) {
		return duty.placementOfPost(post.id()).orElseThrow().getKey();
	}
}
