package org.zhizhi.party;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * A branch's 民主评议党员 of a year: open while results are recorded (a result may be changed until then), closed once
 * every member of the branch has his. One per branch and year. Each step asks {@link AppraisalLifecycle}.
 */
public final class Appraisal extends AggregateRoot<Appraisal.AppraisalClosed> {

	/** The round was closed: its results stand. */
	public record AppraisalClosed(UUID appraisalId, UUID orgId, int year, Instant at) {
	}

	private final UUID id;

	private final UUID orgId;

	private final String orgName;

	private final int year;

	private AppraisalState state;

	private Instant closedAt;

	public Appraisal(UUID id, UUID orgId, String orgName, int year, AppraisalState state, Instant closedAt,
			int version) {
		super(version);
		this.id = id;
		this.orgId = orgId;
		this.orgName = orgName;
		this.year = year;
		this.state = state;
		this.closedAt = closedAt;
	}

	public void checkRecording() {
		AppraisalLifecycle.TABLE.require(state, AppraisalAction.RECORD);
	}

	/** Closes the round; {@code missing} members of the branch without a result refuse it. */
	public void close(long missing, Instant now) {
		AppraisalLifecycle.TABLE.require(state, AppraisalAction.CLOSE);
		if (missing > 0) {
			throw new DomainException(Category.CONFLICT, "APPRAISAL_INCOMPLETE", "party.appraisal.incomplete", missing);
		}
		state = AppraisalLifecycle.TABLE.next(state, AppraisalAction.CLOSE);
		closedAt = now;
		register(new AppraisalClosed(id, orgId, year, now));
	}

	public UUID id() {
		return id;
	}

	public UUID orgId() {
		return orgId;
	}

	public String orgName() {
		return orgName;
	}

	public int year() {
		return year;
	}

	public AppraisalState state() {
		return state;
	}

	public Instant closedAt() {
		return closedAt;
	}
}
