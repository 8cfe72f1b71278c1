package org.zhizhi.property;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * A dispute of an estate under mediation by the three parties (金鹤社区, seed 004: a child's scooter knocked an elder
 * down, the family asked ¥50,000; the party branch, the property company and the owners' committee brought them to
 * ¥15,000). Settled only after the parties have sat down at least once; closed only after the agreement's keeping was
 * followed up at least once.
 */
public final class Dispute extends AggregateRoot<Void> {

	/** What the dispute is, where, between whom, what was asked; its links. Fixed when it is recorded. */
	public record Case(UUID estateId, String estateName, String scopePath, UUID districtId, String title,
			DisputeKind kind, String parties, String account, Long claimedCents, UUID incidentId, UUID topicId,
			UUID recordedBy, String recordedByName, Instant recordedAt) {
	}

	private final UUID id;

	private final Case facts;

	private DisputeState state;

	private Long agreedCents;

	private String terms;

	private LocalDate settledOn;

	private String referral;

	private LocalDate closedOn;

	private int sessions;

	private int followUps;

	public Dispute(UUID id, Case facts, DisputeState state, Long agreedCents, String terms, LocalDate settledOn,
			String referral, LocalDate closedOn, int sessions, int followUps, int version) {
		super(version);
		this.id = id;
		this.facts = facts;
		this.state = state;
		this.agreedCents = agreedCents;
		this.terms = terms;
		this.settledOn = settledOn;
		this.referral = referral;
		this.closedOn = closedOn;
		this.sessions = sessions;
		this.followUps = followUps;
	}

	public static Dispute record(UUID id, Case facts) {
		return new Dispute(id, facts, DisputeState.OPEN, null, null, null, null, null, 0, 0, 0);
	}

	public void session() {
		state = DisputeLifecycle.TABLE.next(state, DisputeAction.SESSION);
		sessions++;
	}

	/** The agreement the parties signed: the amount (may be none) and its terms. */
	public void settle(LocalDate on, Long cents, String agreedTerms) {
		DisputeLifecycle.TABLE.require(state, DisputeAction.SETTLE);
		if (sessions == 0) {
			throw new DomainException(Category.CONFLICT, "NOT_MEDIATED", "property.disputes.notMediated");
		}
		state = DisputeLifecycle.TABLE.next(state, DisputeAction.SETTLE);
		settledOn = on;
		agreedCents = cents;
		terms = agreedTerms;
	}

	public void refer(String to) {
		state = DisputeLifecycle.TABLE.next(state, DisputeAction.REFER);
		referral = to;
	}

	public void followUp() {
		state = DisputeLifecycle.TABLE.next(state, DisputeAction.FOLLOW_UP);
		followUps++;
	}

	public void close(LocalDate on) {
		DisputeLifecycle.TABLE.require(state, DisputeAction.CLOSE);
		if (followUps == 0) {
			throw new DomainException(Category.CONFLICT, "NOT_FOLLOWED_UP", "property.disputes.notFollowedUp");
		}
		state = DisputeLifecycle.TABLE.next(state, DisputeAction.CLOSE);
		closedOn = on;
	}

	public UUID id() {
		return id;
	}

	public Case facts() {
		return facts;
	}

	public DisputeState state() {
		return state;
	}

	public Long agreedCents() {
		return agreedCents;
	}

	public String terms() {
		return terms;
	}

	public LocalDate settledOn() {
		return settledOn;
	}

	public String referral() {
		return referral;
	}

	public LocalDate closedOn() {
		return closedOn;
	}

	public int sessions() {
		return sessions;
	}

	public int followUps() {
		return followUps;
	}
}
