package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.partnership.meeting.MeetingCommands.LogActivity;
import org.zhizhi.partnership.meeting.MeetingCommands.NewParticipant;
import org.zhizhi.partnership.meeting.MeetingViews.JointActivity;
import org.zhizhi.partnership.meeting.MeetingViews.Participant;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.persistence.JdbcActivities;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.OrgUnit;

/** The joint activities ("X" of 1+4+X) of communities with their partner units, logged with their participants. */
@Service
@Transactional
public class JointActivities {

	static final int MAX_PARTICIPANTS = 200;

	private final JdbcActivities activities;

	private final CommunityResolver communities;

	private final AccountQueries accounts;

	private final CommunityPartners partners;

	private final Clock clock;

	private final ZoneId zone;

	JointActivities(JdbcActivities activities, CommunityResolver communities, AccountQueries accounts,
			CommunityPartners partners, Clock clock, ZoneId zone) {
		this.activities = activities;
		this.communities = communities;
		this.accounts = accounts;
		this.partners = partners;
		this.clock = clock;
		this.zone = zone;
	}

	public JointActivity log(Actor actor, LogActivity command) {
		MeetingRules.requireStaff(actor);
		if (command == null) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "validation.required")));
		}
		OrgUnit community = communities.resolve(actor, command.communityId());
		List<FieldProblem> problems = new ArrayList<>();
		if (command.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (command.heldOn() == null) {
			problems.add(new FieldProblem("heldOn", "validation.required"));
		}
		else if (command.heldOn().isAfter(today)) {
			problems.add(new FieldProblem("heldOn", "meeting.heldInFuture"));
		}
		String title = collect(problems, () -> MeetingText.TITLE.required(command.title()));
		String place = collect(problems, () -> MeetingText.PLACE.optional(command.place()));
		String summary = collect(problems, () -> MeetingText.NOTE.as("summary").optional(command.summary()));
		List<Participant> participants = new ArrayList<>();
		List<NewParticipant> given = command.participants() == null ? List.of() : command.participants();
		if (given.size() > MAX_PARTICIPANTS) {
			problems.add(new FieldProblem("participants", "meeting.tooManyParticipants", MAX_PARTICIPANTS));
		}
		for (int i = 0; i < given.size() && i < MAX_PARTICIPANTS; i++) {
			NewParticipant p = given.get(i);
			String field = "participants[" + i + "]";
			if (p == null || p.kind() == null) {
				problems.add(new FieldProblem(field + ".kind", "validation.required"));
				continue;
			}
			String name = collect(problems, () -> MeetingText.NAME.as(field + ".name").optional(p.name()));
			if (p.kind() == RefKind.PERSON && p.refId() != null) {
				var account = accounts.find(actor.scope(), p.refId());
				if (account.isEmpty()) {
					problems.add(new FieldProblem(field + ".refId", "meeting.unknownAccount"));
					continue;
				}
				name = name == null ? account.get().displayName() : name;
			}
			if (p.kind() == RefKind.UNIT && p.refId() != null) {
				var unit = partners.nameOf(community.id(), p.refId());
				if (unit.isEmpty()) {
					problems.add(new FieldProblem(field + ".refId", JointMeetings.NOT_A_PARTNER));
					continue;
				}
				name = name == null ? unit.get() : name;
			}
			if (name == null) {
				problems.add(new FieldProblem(field + ".name", "validation.required"));
				continue;
			}
			participants.add(new Participant(p.kind(), p.refId(), name));
		}
		if (participants.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("participants", "meeting.participantsRequired"));
		}
		int headcount = command.headcount() == null ? participants.size() : command.headcount();
		if (headcount < 0 || headcount > 100_000) {
			problems.add(new FieldProblem("headcount", "meeting.headcountRange"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		JointActivity activity = new JointActivity(Ids.newId(clock), community.id(), command.kind(), title,
				command.heldOn(), place, summary, headcount, participants, clock.instant());
		activities.insert(activity, community.districtId(), community.path(), actor.userId());
		for (Participant p : participants) {
			activities.insertParticipant(Ids.newId(clock), activity.id(), p);
		}
		return activity;
	}

	@Transactional(readOnly = true)
	public List<JointActivity> list(Actor actor, UUID communityId, int year) {
		MeetingRules.requireStaff(actor);
		DataScope scope = communityId == null ? actor.scope() : communities.resolve(actor, communityId).scope();
		return activities.list(scope, communityId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1),
				MeetingQueries.LIST_LIMIT);
	}

	private static String collect(List<FieldProblem> problems, java.util.function.Supplier<String> check) {
		try {
			return check.get();
		}
		catch (DomainException e) {
			problems.addAll(e.fieldProblems());
			return null;
		}
	}
}
