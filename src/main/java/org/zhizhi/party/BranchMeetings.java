package org.zhizhi.party;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.MeetingCommands.CancelMeeting;
import org.zhizhi.party.MeetingCommands.HoldMeeting;
import org.zhizhi.party.MeetingCommands.RecordAttendance;
import org.zhizhi.party.MeetingCommands.ScheduleMeeting;
import org.zhizhi.party.persistence.JdbcBranchMeetings;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * The commands of organisational life: schedule a meeting of an organisation whose level holds that kind, a member's
 * own sign-in, the secretary's attendance record, hold with minutes, cancel. Each loads the meeting in the actor's
 * scope, asks the policy, checks the command's shape, takes the aggregate's step and saves it — attendance by the row
 * count of one statement, the meeting by its version.
 */
@Service
@Transactional
public class BranchMeetings {

	private final JdbcBranchMeetings meetings;

	private final JdbcParty party;

	private final CommandShape shape;

	private final Clock clock;

	BranchMeetings(JdbcBranchMeetings meetings, JdbcParty party, CommandShape shape, Clock clock) {
		this.meetings = meetings;
		this.party = party;
		this.shape = shape;
		this.clock = clock;
	}

	public BranchMeeting schedule(Actor actor, ScheduleMeeting command) {
		PartyRules.checkWriter(actor);
		List<FieldProblem> more = new ArrayList<>();
		PartyOrg org = command.orgId() == null ? null : party.org(actor.scope(), command.orgId()).orElse(null);
		if (command.orgId() != null && org == null) {
			more.add(new FieldProblem("orgId", "party.org.unknown"));
		}
		if (org != null && command.kind() != null && meetings.rhythms()
			.stream()
			.noneMatch(r -> r.kind() == command.kind() && r.level() == org.level())) {
			more.add(new FieldProblem("kind", "party.meeting.kindNotForLevel"));
		}
		shape.check(command, more);
		BranchMeeting meeting = BranchMeeting.schedule(Ids.newId(clock), org, command.kind(), command.topic(),
				command.place(), command.startsAt());
		meetings.insert(meeting, org.scopePath(), DataScope.districtOf(org.scopePath()), clock.instant(),
				actor.userId());
		return meeting;
	}

	/**
	 * The member signs himself in on his phone. Two sign-ins at once (a double tap, two phones) make one attendance
	 * and one award; a second sign-in answers as the first did and changes nothing. Answers whether this call did it.
	 */
	public boolean signIn(Actor actor, UUID meetingId) {
		PartyMember member = party.memberOfAccount(actor.userId())
			.filter(m -> m.status() == MemberStatus.ACTIVE && m.kind().isMember())
			.orElse(null);
		BranchMeeting meeting = load(actor, meetingId, true);
		BranchMeetingPolicy.require(actor, MeetingAction.SIGN_IN,
				member != null && meetings.belongsTo(member.id(), meeting.orgId()));
		meeting.checkAttendance(true, clock.instant());
		if (!meetings.markPresent(meeting.id(), member.id(), true, districtOf(member), clock.instant(),
				actor.userId())) {
			return false;
		}
		meeting.attended(member.id(), member.accountId(), true, clock.instant());
		meetings.publish(meeting);
		return true;
	}

	/** The secretary records a member present or absent with his reason; a member already present stays so. */
	public void recordAttendance(Actor actor, UUID meetingId, RecordAttendance command) {
		BranchMeeting meeting = load(actor, meetingId, true);
		BranchMeetingPolicy.require(actor, MeetingAction.RECORD_ATTENDANCE, false);
		meeting.checkAttendance(false, clock.instant());
		List<FieldProblem> more = new ArrayList<>();
		PartyMember member = command.memberId() == null ? null
				: party.member(actor.scope(), command.memberId())
					.filter(m -> meetings.belongsTo(m.id(), meeting.orgId()))
					.orElse(null);
		if (command.memberId() != null && member == null) {
			more.add(new FieldProblem("memberId", "party.meeting.notOfOrg"));
		}
		if (Boolean.FALSE.equals(command.present())
				&& (command.absenceReason() == null || command.absenceReason().isBlank())) {
			more.add(new FieldProblem("absenceReason", "party.meeting.reasonRequired"));
		}
		shape.check(command, more);
		if (command.present()) {
			if (meetings.markPresent(meeting.id(), member.id(), false, districtOf(member), clock.instant(),
					actor.userId())) {
				meeting.attended(member.id(), member.accountId(), false, clock.instant());
				meetings.publish(meeting);
			}
		}
		else if (!meetings.markAbsent(meeting.id(), member.id(), command.absenceReason().strip(), districtOf(member),
				clock.instant(), actor.userId())) {
			throw new DomainException(Category.CONFLICT, "ALREADY_PRESENT", "party.meeting.alreadyPresent",
					member.name());
		}
	}

	public BranchMeeting hold(Actor actor, UUID meetingId, HoldMeeting command) {
		BranchMeeting meeting = load(actor, meetingId, false);
		BranchMeetingPolicy.require(actor, MeetingAction.HOLD, false);
		BranchMeetingLifecycle.TABLE.require(meeting.state(), MeetingAction.HOLD);
		shape.check(command);
		meeting.hold(command.minutes(), actor.userId(), clock.instant());
		save(actor, meeting);
		return meeting;
	}

	public BranchMeeting cancel(Actor actor, UUID meetingId, CancelMeeting command) {
		BranchMeeting meeting = load(actor, meetingId, false);
		BranchMeetingPolicy.require(actor, MeetingAction.CANCEL, false);
		BranchMeetingLifecycle.TABLE.require(meeting.state(), MeetingAction.CANCEL);
		shape.check(command);
		meeting.cancel(command.reason(), actor.userId(), clock.instant());
		save(actor, meeting);
		return meeting;
	}

	/**
	 * Loads the meeting in the actor's scope. Attendance holds it against a hold or cancel until this transaction
	 * ends ({@code forAttendance}); a hold or cancel does not lock it, its versioned save decides between two of them
	 * (two share locks upgraded at once would deadlock).
	 */
	private BranchMeeting load(Actor actor, UUID meetingId, boolean forAttendance) {
		PartyRules.checkReader(actor);
		return meetings.find(actor.scope(), meetingId, forAttendance)
			.orElseThrow(() -> DomainException.notFound("party-meeting"));
	}

	/** Someone else stepped it first: refused naming the state it is in now. */
	private void save(Actor actor, BranchMeeting meeting) {
		if (!meetings.save(meeting, actor.userId())) {
			MeetingState now = meetings.find(actor.scope(), meeting.id(), false)
				.map(BranchMeeting::state)
				.orElse(meeting.state());
			throw new DomainException(Category.CONFLICT, "MEETING_CHANGED", "party.meeting.changed", now.name());
		}
	}

	private UUID districtOf(PartyMember member) {
		return Optional.of(member.id())
			.flatMap(party::placementOfMember)
			.map(placement -> UUID.fromString(placement[1]))
			.orElseThrow();
	}
}
