package org.zhizhi.points;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.points.persistence.JdbcLedger;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Installation;
import org.zhizhi.volunteer.HoursApproved;
import org.zhizhi.volunteer.HoursCorrected;
import org.zhizhi.volunteer.PairingVisited;

/**
 * Points for volunteering, in every scheme that covers the volunteer and that he earns in (member points only for a
 * party member): his approved hours, per full hour, once per activity, and the difference when they are corrected; a
 * visit of his pairing (结对帮扶), once per visit. Like every earning from an event, each rule pays under its caps, and a redelivered event finds its movement
 * and pays nothing more.
 */
@Component
class VolunteerEarnings {

	private final PointsEarning earning;

	private final JdbcSchemes schemes;

	private final JdbcLedger ledger;

	private final AccountQueries accounts;

	private final Installation installation;

	private final MessageSource messages;

	private final ZoneId zone;

	VolunteerEarnings(PointsEarning earning, JdbcSchemes schemes, JdbcLedger ledger, AccountQueries accounts,
			Installation installation, MessageSource messages, ZoneId zone) {
		this.earning = earning;
		this.schemes = schemes;
		this.ledger = ledger;
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
			String paidFor = "hours:" + hours.activityId() + ":" + person.id() + ":";
			for (Scheme scheme : earnedIn(person)) {
				for (Rule rule : schemes.inForce(scheme.id(), RuleSource.HOURS, day)) {
					if (!paidBefore(scheme, paidFor + rule.code())) {
						earning.earn(scheme, rule, holder(person), paidFor + scheme.code() + ":" + rule.code(),
								text("points.reason.hours", fullHours), hours.at(), null, null, fullHours);
					}
				}
			}
		});
	}

	/**
	 * Whether the scheme paid these hours under the key approvals had before it named the scheme: two schemes with
	 * an "hours" rule each paid once between them then. A redelivered approval of that time must not pay again.
	 */
	private boolean paidBefore(Scheme scheme, String oldKey) {
		return ledger.movementOf(oldKey)
			.flatMap(ledger::movement)
			.filter(movement -> movement.schemeId().equals(scheme.id()))
			.isPresent();
	}

	/**
	 * Hours corrected after approval: the difference in full hours. More hours pay the extra hours as an earning of
	 * the correction's day, under the caps as any earning. Fewer take back, in every scheme that paid these hours,
	 * what they paid beyond what the corrected hours are worth (so hours the caps never paid are not taken back twice)
	 * — never below nothing, and never points he has spent already. Once per correction and rule version: a
	 * redelivered correction finds its movement. The keys begin as the approval's ({@code hours:<activity>:<person>:}),
	 * which is how a later correction finds what the activity's hours paid so far.
	 */
	@ApplicationModuleListener
	void on(HoursCorrected correction) {
		long before = correction.fromMinutes() / 60;
		long after = correction.toMinutes() / 60;
		if (before == after) {
			return;
		}
		accounts.find(installation.whole(), correction.personId()).ifPresent(person -> {
			LocalDate day = LocalDate.ofInstant(correction.at(), zone);
			String paidFor = "hours:" + correction.activityId() + ":" + person.id() + ":";
			String from = String.valueOf(correction.fromMinutes());
			String to = String.valueOf(correction.toMinutes());
			if (after > before) {
				String reason = text("points.reason.hoursAdded", from, to, String.valueOf(after - before));
				for (Scheme scheme : earnedIn(person)) {
					for (Rule rule : schemes.inForce(scheme.id(), RuleSource.HOURS, day)) {
						earning.earn(scheme, rule, holder(person), paidFor + correction.correctionId() + ":" + rule.id(),
								reason, correction.at(), null, null, after - before);
					}
				}
				return;
			}
			String reason = text("points.reason.hoursTakenBack", from, to, String.valueOf(before - after));
			for (PointsAccount account : ledger.accountsOf(person.id())) {
				Scheme scheme = schemes.scheme(account.schemeId()).orElseThrow();
				for (Rule rule : hourRules(scheme.id(), day)) {
					earning.takeBack(scheme, rule, person.id(), paidFor, after,
							paidFor + correction.correctionId() + ":" + rule.id(), reason, correction.at());
				}
			}
		});
	}

	/** Of each HOURS rule of the scheme, the version in force on the day, or else its latest. */
	private List<Rule> hourRules(UUID schemeId, LocalDate day) {
		Map<String, Rule> byCode = new LinkedHashMap<>();
		for (Rule rule : schemes.rules(schemeId)) {
			if (rule.source() == RuleSource.HOURS) {
				byCode.merge(rule.code(), rule, (kept, other) -> other.appliesOn(day) ? other : kept);
			}
		}
		return List.copyOf(byCode.values());
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
