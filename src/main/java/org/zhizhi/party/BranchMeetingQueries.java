package org.zhizhi.party;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.persistence.JdbcBranchMeetings;
import org.zhizhi.party.persistence.JdbcBranchMeetings.AttendanceRow;
import org.zhizhi.party.persistence.JdbcBranchMeetings.Dated;
import org.zhizhi.party.persistence.JdbcBranchMeetings.Founded;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;

/**
 * Reads of organisational life inside the caller's scope: meetings with their attendance sheets and the steps the
 * caller may take, a member's own meetings for his phone, and each organisation's rhythm — which kinds are held this
 * period, and which organisations are behind.
 */
@Service
@Transactional(readOnly = true)
public class BranchMeetingQueries {

	static final int LIST_LIMIT = 500;

	/** How far back a member's phone lists his meetings. */
	static final int PHONE_DAYS_BACK = 60;

	private final JdbcBranchMeetings meetings;

	private final JdbcParty party;

	private final Clock clock;

	private final ZoneId zone;

	BranchMeetingQueries(JdbcBranchMeetings meetings, JdbcParty party, Clock clock, ZoneId zone) {
		this.meetings = meetings;
		this.party = party;
		this.clock = clock;
		this.zone = zone;
	}

	/** One line of a meeting's sheet. */
	public record SheetLine(UUID memberId, String memberName, String orgName, Boolean present, String absenceReason,
			boolean signedInSelf, Instant recordedAt) {
	}

	/** A meeting with its sheet, its counts and the steps the caller may take. */
	public record MeetingView(BranchMeeting meeting, List<SheetLine> sheet, long present, long absent, long expected,
			Set<MeetingAction> allowedActions, Boolean mine) {
	}

	/** A meeting on a member's phone: whether he is recorded present, and whether he may sign in now. */
	public record MyMeeting(BranchMeeting meeting, Boolean present, boolean maySignIn) {
	}

	/** An organisation's rhythm: each kind it holds with where it stands. */
	public record OrgRhythm(UUID orgId, String orgName, PartyLevel level, String scopePath, List<RhythmStatus> kinds) {

		public boolean behind() {
			return kinds.stream().anyMatch(RhythmStatus::behind);
		}
	}

	public List<BranchMeeting> meetings(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return meetings.list(actor.scope(), orgId, null, LIST_LIMIT);
	}

	public Optional<MeetingView> meeting(Actor actor, UUID id) {
		PartyRules.checkReader(actor);
		return meetings.find(actor.scope(), id, false).map(meeting -> {
			List<SheetLine> sheet = meetings.sheet(meeting.id(), meeting.orgId())
				.stream()
				.map(BranchMeetingQueries::line)
				.toList();
			long present = sheet.stream().filter(l -> Boolean.TRUE.equals(l.present())).count();
			long absent = sheet.stream().filter(l -> Boolean.FALSE.equals(l.present())).count();
			Optional<PartyMember> self = party.memberOfAccount(actor.userId());
			boolean attendee = self.filter(m -> m.status() == MemberStatus.ACTIVE && m.kind().isMember())
				.filter(m -> meetings.belongsTo(m.id(), meeting.orgId()))
				.isPresent();
			Set<MeetingAction> allowed = BranchMeetingPolicy.allowedActions(actor, meeting, attendee);
			Boolean mine = self.flatMap(m -> meetings.presence(meeting.id(), m.id())).orElse(null);
			return new MeetingView(meeting, sheet, present, absent, sheet.size(), allowed, mine);
		});
	}

	/** The meetings of the caller's own organisations (he is a member with an account), latest first. */
	public List<MyMeeting> myMeetings(Actor actor) {
		PartyRules.checkReader(actor);
		PartyMember member = party.memberOfAccount(actor.userId()).orElse(null);
		if (member == null) {
			return List.of();
		}
		Instant now = clock.instant();
		List<MyMeeting> mine = new ArrayList<>();
		for (BranchMeeting meeting : meetings.ofMember(member.id(),
				now.minus(java.time.Duration.ofDays(PHONE_DAYS_BACK)), LIST_LIMIT)) {
			Boolean present = meetings.presence(meeting.id(), member.id()).orElse(null);
			boolean open = BranchMeetingPolicy.allowedActions(actor, meeting, member.status() == MemberStatus.ACTIVE)
				.contains(MeetingAction.SIGN_IN) && !Boolean.TRUE.equals(present) && signInOpen(meeting, now);
			mine.add(new MyMeeting(meeting, present, open));
		}
		return mine;
	}

	private static boolean signInOpen(BranchMeeting meeting, Instant now) {
		try {
			meeting.checkAttendance(true, now);
			return true;
		}
		catch (DomainException closed) {
			return false;
		}
	}

	/** The rhythm of one organisation inside the scope (empty kinds when its level keeps none). */
	public OrgRhythm rhythm(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		List<OrgRhythm> found = rhythms(actor, orgId);
		if (found.isEmpty()) {
			throw DomainException.notFound("party-org");
		}
		return found.get(0);
	}

	/** The organisations inside the caller's scope that are behind their rhythm on today, by name. */
	public List<OrgRhythm> behind(Actor actor) {
		PartyRules.checkReader(actor);
		return rhythms(actor, null).stream().filter(OrgRhythm::behind).toList();
	}

	/**
	 * The organisations of a scope behind their rhythm today, for the platform's own work — the risk sentinel's pass
	 * over a district (its rule "a meeting format not held") — not for a user's request, which goes through
	 * {@link #behind(Actor)}.
	 */
	public List<OrgRhythm> behindIn(DataScope scope) {
		return rhythms(scope, null).stream().filter(OrgRhythm::behind).toList();
	}

	/** Every organisation's rhythm inside the caller's scope (or the one asked for), with kinds its level keeps. */
	public List<OrgRhythm> rhythms(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return rhythms(actor.scope(), orgId);
	}

	private List<OrgRhythm> rhythms(DataScope scope, UUID orgId) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		// a year and a quarter back holds the last period of every rhythm up to a year long
		Instant since = today.minusMonths(15).withDayOfMonth(1).atStartOfDay(zone).toInstant();
		Map<UUID, List<Dated>> dated = meetings.datedSince(scope, orgId, since, zone.getId())
			.stream()
			.collect(Collectors.groupingBy(Dated::orgId));
		Map<PartyLevel, List<MeetingRhythm>> byLevel = meetings.rhythms()
			.stream()
			.collect(Collectors.groupingBy(MeetingRhythm::level));
		List<OrgRhythm> rhythms = new ArrayList<>();
		for (Founded org : meetings.founded(scope, orgId)) {
			List<Dated> own = dated.getOrDefault(org.orgId(), List.of());
			// an organisation keeps its rhythm from its founding, or from its first meeting recorded before that
			LocalDate founded = own.stream()
				.map(Dated::day)
				.min(Comparator.naturalOrder())
				.filter(first -> first.isBefore(LocalDate.ofInstant(org.createdAt(), zone)))
				.orElse(LocalDate.ofInstant(org.createdAt(), zone));
			List<RhythmStatus> kinds = new ArrayList<>();
			for (MeetingRhythm rhythm : byLevel.getOrDefault(org.level(), List.of())) {
				List<LocalDate> held = own.stream()
					.filter(d -> d.kind() == rhythm.kind() && d.state() == MeetingState.HELD)
					.map(Dated::day)
					.toList();
				List<LocalDate> scheduled = own.stream()
					// a meeting left scheduled after its day was not held: it no longer keeps the rhythm
					.filter(d -> d.kind() == rhythm.kind() && d.state() == MeetingState.SCHEDULED
							&& !d.day().isBefore(today))
					.map(Dated::day)
					.toList();
				kinds.add(RhythmStatus.of(rhythm, held, scheduled, founded, today));
			}
			kinds.sort(Comparator.comparing(RhythmStatus::kind));
			rhythms.add(new OrgRhythm(org.orgId(), org.name(), org.level(), org.scopePath(), List.copyOf(kinds)));
		}
		return rhythms;
	}

	private static SheetLine line(AttendanceRow row) {
		return new SheetLine(row.memberId(), row.memberName(), row.orgName(), row.present(), row.absenceReason(),
				row.signedInSelf(), row.recordedAt());
	}
}
