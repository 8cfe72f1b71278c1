package org.zhizhi.points;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Installation;
import org.zhizhi.volunteer.HoursApproved;
import org.zhizhi.volunteer.PairingVisited;

/**
 * Points for volunteering, in every scheme that covers the volunteer and that he earns in (member points only for a
 * party member): his approved hours, per full hour, once per activity; a visit of his pairing (结对帮扶), once per
 * visit. Like every earning from an event, each rule pays under its caps, and a redelivered event finds its movement
 * and pays nothing more.
 */
@Component
class VolunteerEarnings {

	private final PointsEarning earning;

	private final JdbcSchemes schemes;

	private final AccountQueries accounts;

	private final Installation installation;

	private final MessageSource messages;

	private final ZoneId zone;

	VolunteerEarnings(PointsEarning earning, JdbcSchemes schemes, AccountQueries accounts, Installation installation,
			MessageSource messages, ZoneId zone) {
		this.earning = earning;
		this.schemes = schemes;
		this.accounts = accounts;
		this.installation = installation;
		this.messages = messages;
		this.zone = zone;
	}

	/** Hours approved by the organiser (heard by {@link EventEarnings}, whose listener the registry knows by name). */
	void paid(HoursApproved hours) {
		long fullHours = hours.minutes() / 60;
		if (fullHours == 0) {
			return;
		}
		accounts.find(installation.whole(), hours.personId()).ifPresent(person -> {
			LocalDate day = LocalDate.ofInstant(hours.at(), zone);
			for (Scheme scheme : earnedIn(person)) {
				for (Rule rule : schemes.inForce(scheme.id(), RuleSource.HOURS, day)) {
					earning.earn(scheme, rule, holder(person), "hours:" + hours.activityId() + ":" + person.id() + ":"
							+ rule.code(), text("points.reason.hours", fullHours), hours.at(), null, null, fullHours);
				}
			}
		});
	}

	/**
	 * A visit of a pairing: each VISIT rule in force that day pays once per visit. The key names the scheme as well as
	 * the rule, so that two schemes covering the visitor with rules of the same code both pay.
	 */
	@ApplicationModuleListener
	void on(PairingVisited visit) {
		accounts.find(installation.whole(), visit.personId()).ifPresent(person -> {
			LocalDate day = LocalDate.ofInstant(visit.at(), zone);
			for (Scheme scheme : earnedIn(person)) {
				for (Rule rule : schemes.inForce(scheme.id(), RuleSource.VISIT, day)) {
					earning.earn(scheme, rule, holder(person),
							"visit:" + visit.visitId() + ":" + scheme.code() + ":" + rule.code(),
							text("points.reason.visit"), visit.at(), null, null);
				}
			}
		});
	}

	/** The schemes covering the person's place that he earns in. */
	private List<Scheme> earnedIn(Account person) {
		return schemes.visibleTo(new DataScope(DataScope.districtOf(person.scopePath()), person.scopePath()))
			.stream()
			.filter(scheme -> person.scopePath().startsWith(scheme.scopePath())
					&& PointsClaims.eligible(scheme, person.roles()))
			.toList();
	}

	private static Holder holder(Account person) {
		return new Holder(person.id(), person.displayName(), person.scopePath(),
				DataScope.districtOf(person.scopePath()));
	}

	/** A statement line in the platform's language, as every stored text is. */
	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}
}
