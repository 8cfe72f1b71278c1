package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.identity.Account;
import org.zhizhi.identity.AccountQueries;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.Installation;
import org.zhizhi.wish.Taker;
import org.zhizhi.wish.TakerKind;
import org.zhizhi.wish.WishFulfilled;

/**
 * Points for what happened elsewhere, through the event publication registry after the other module's step has
 * committed: a wish fulfilled pays each member who took it (党员积分); an incident verified and closed pays the member
 * who handled it (党员积分); a rider's 随手报 accepted by the grid pays the rider (先锋骑士积分). Each rule in force that
 * day pays once per event and person — a redelivered event finds its movement and pays nothing more — and only where a
 * scheme of the kind covers the person.
 */
@Component
class EventEarnings {

	private final PointsEarning earning;

	private final JdbcSchemes schemes;

	private final IncidentQueries incidents;

	private final AccountQueries accounts;

	private final Installation installation;

	private final org.zhizhi.points.persistence.JdbcLedger ledger;

	private final VolunteerEarnings volunteering;

	private final ZoneId zone;

	EventEarnings(PointsEarning earning, JdbcSchemes schemes, IncidentQueries incidents, AccountQueries accounts,
			Installation installation, org.zhizhi.points.persistence.JdbcLedger ledger, VolunteerEarnings volunteering,
			ZoneId zone) {
		this.ledger = ledger;
		this.volunteering = volunteering;
		this.earning = earning;
		this.schemes = schemes;
		this.incidents = incidents;
		this.accounts = accounts;
		this.installation = installation;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(WishFulfilled wish) {
		for (Taker taker : wish.takers()) {
			if (taker.kind() == TakerKind.MEMBER) {
				accounts.find(installation.whole(), taker.takerId())
					.filter(account -> account.roles().contains(Role.PARTY_MEMBER))
					.ifPresent(member -> earn(SchemeKind.MEMBER, RuleSource.WISH_FULFILLED, member,
							"wish:" + wish.wishId() + ":" + member.id(), "完成微心愿：" + wish.title(),
							wish.fulfilledAt()));
			}
		}
	}

	// a report earns nothing before it is accepted: without the condition every report would leave a publication
	// (a row written, claimed and deleted) for a listener that returns at once (issue 16)
	@ApplicationModuleListener(condition = IncidentEvent.NOT_A_REPORT)
	void on(IncidentEvent step) {
		boolean verifiedClosure = step.from() == IncidentState.VERIFIED && step.to() == IncidentState.CLOSED;
		boolean accepted = step.from() == IncidentState.REPORTED && step.to() == IncidentState.ACCEPTED;
		if (!verifiedClosure && !accepted) {
			return;
		}
		IncidentView incident = incidents.view(installation.whole(), step.incidentId()).orElseThrow();
		if (verifiedClosure && incident.claimedBy() != null) {
			accounts.find(installation.whole(), incident.claimedBy())
				.filter(account -> account.roles().contains(Role.PARTY_MEMBER))
				.ifPresent(member -> earn(SchemeKind.MEMBER, RuleSource.INCIDENT_RESOLVED, member,
						"incident:" + incident.id() + ":resolved", "接单办结：" + brief(incident), step.at()));
		}
		// a rider's report: by 随手报, or from the residents' app by someone with a file in the riders' scheme
		if (accepted && incident.reporterId() != null
				&& (incident.channel() == Channel.RIDER || incident.channel() == Channel.RESIDENT_APP)) {
			accounts.find(installation.whole(), incident.reporterId())
				.filter(reporter -> incident.channel() == Channel.RIDER || hasRiderFile(reporter))
				.ifPresent(rider -> earn(SchemeKind.RIDER, RuleSource.REPORT_CONFIRMED, rider,
						"incident:" + incident.id() + ":reported", "随手报被受理：" + brief(incident), step.at()));
		}
	}

	/**
	 * Volunteer hours approved by the organiser: every scheme covering the volunteer that pays for hours (member
	 * points for a party member) pays its points per full hour served, once per activity. The listener stays here,
	 * where the event publication registry knows it by name; {@link VolunteerEarnings} pays.
	 */
	@ApplicationModuleListener
	void on(org.zhizhi.volunteer.HoursApproved hours) {
		volunteering.paid(hours);
	}

	private void earn(SchemeKind kind, RuleSource source, Account account, String key, String reason, Instant at) {
		schemes.covering(kind, account.scopePath()).ifPresent(scheme -> {
			Holder holder = new Holder(account.id(), account.displayName(), account.scopePath(),
					org.zhizhi.shared.DataScope.districtOf(account.scopePath()));
			for (Rule rule : schemes.inForce(scheme.id(), source, LocalDate.ofInstant(at, zone))) {
				earning.earn(scheme, rule, holder, key + ":" + rule.code(), reason, at, null, null);
			}
		});
	}

	/** Whether the person has a points file in the riders' scheme of his place: a registered 先锋骑士. */
	private boolean hasRiderFile(Account person) {
		return schemes.covering(SchemeKind.RIDER, person.scopePath())
			.flatMap(scheme -> ledger.find(scheme.id(), AccountKind.PERSON, person.id()))
			.isPresent();
	}

	/** The incident in a few words for the statement line. */
	private static String brief(IncidentView incident) {
		String text = incident.description().strip();
		return text.codePointCount(0, text.length()) <= 40 ? text
				: text.substring(0, text.offsetByCodePoints(0, 39)) + "…";
	}
}
