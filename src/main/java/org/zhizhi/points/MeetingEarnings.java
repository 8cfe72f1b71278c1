package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.party.BranchMeetingEvent.MemberAttended;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Installation;

/**
 * 党员积分 for organisational life: a member present at a meeting of his branch (三会一课, 主题党日) — signed in on his
 * phone or recorded by the secretary — earns each ATTENDANCE rule in force that day of every member scheme covering
 * his account, once per meeting: the key names the meeting, the member, the scheme and the rule, so a redelivered
 * event finds its movement and pays nothing more. A member without an account has no points file to pay into.
 */
@Component
class MeetingEarnings {

	private final PointsEarning earning;

	private final JdbcSchemes schemes;

	private final AccountQueries accounts;

	private final Installation installation;

	private final MessageSource messages;

	private final ZoneId zone;

	MeetingEarnings(PointsEarning earning, JdbcSchemes schemes, AccountQueries accounts, Installation installation,
			MessageSource messages, ZoneId zone) {
		this.earning = earning;
		this.schemes = schemes;
		this.accounts = accounts;
		this.installation = installation;
		this.messages = messages;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(MemberAttended attended) {
		if (attended.accountId() == null) {
			return;
		}
		accounts.find(installation.whole(), attended.accountId()).ifPresent(person -> {
			// the meeting's day is the deed's, as the caps count it: a sheet completed from paper a week later pays the
			// attendance of that day, not of the day it was typed in (a sign-in before the start: its own moment)
			Instant deed = attended.meetingStartsAt() == null || attended.meetingStartsAt().isAfter(attended.at())
					? attended.at() : attended.meetingStartsAt();
			LocalDate day = LocalDate.ofInstant(deed, zone);
			String reason = messages.getMessage("points.reason.meeting",
					new Object[] { messages.getMessage("branchMeetingKind." + attended.kind(), null, Locale.SIMPLIFIED_CHINESE) },
					Locale.SIMPLIFIED_CHINESE);
			for (Scheme scheme : memberSchemes(person)) {
				for (Rule rule : schemes.inForce(scheme.id(), RuleSource.ATTENDANCE, day)) {
					earning.earn(scheme, rule, holder(person),
							"meeting:" + attended.meetingId() + ":" + attended.memberId() + ":" + scheme.code() + ":"
									+ rule.code(),
							reason, deed, null, null);
				}
			}
		});
	}

	/** The member schemes covering the person's place that he earns in. */
	private List<Scheme> memberSchemes(Account person) {
		return schemes.visibleTo(new DataScope(DataScope.districtOf(person.scopePath()), person.scopePath()))
			.stream()
			.filter(scheme -> scheme.kind() == SchemeKind.MEMBER && person.scopePath().startsWith(scheme.scopePath())
					&& PointsClaims.eligible(scheme, person.roles()))
			.toList();
	}

	private static Holder holder(Account person) {
		return new Holder(person.id(), person.displayName(), person.scopePath(),
				DataScope.districtOf(person.scopePath()));
	}
}
