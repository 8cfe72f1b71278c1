package org.zhizhi.property;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * 月检查: an inspector's inspection of one estate managed by a company, against the checklist of a template (its
 * inspectable criteria). On site he records a finding per failed criterion (with a note, a photo, the position); when
 * he submits, every criterion of the checklist without a finding has passed and the score is fixed.
 */
public final class Inspection extends AggregateRoot<InspectionSubmitted> {

	/** What the inspection is of and by whom: fixed when it starts. */
	public record Subject(String templateCode, UUID companyId, UUID estateId, String estateName, String scopePath,
			UUID districtId, UUID inspectorId, String inspectorName, Instant startedAt, Double lat, Double lng) {
	}

	/** A failed criterion: what was found, where, with the photo's id in media. */
	public record Finding(UUID id, String criterionCode, String note, UUID photoId, Double lat, Double lng,
			Instant foundAt) {
	}

	private final UUID id;

	private final Subject subject;

	private final List<Finding> findings;

	private InspectionState state;

	private Instant submittedAt;

	private Scorecard.Points score;

	public Inspection(UUID id, Subject subject, List<Finding> findings, InspectionState state, Instant submittedAt,
			Scorecard.Points score, int version) {
		super(version);
		this.id = id;
		this.subject = subject;
		this.findings = new ArrayList<>(findings);
		this.state = state;
		this.submittedAt = submittedAt;
		this.score = score;
	}

	public static Inspection start(UUID id, Subject subject) {
		return new Inspection(id, subject, List.of(), InspectionState.OPEN, null, null, 0);
	}

	/** A finding against a criterion of the checklist; one per criterion (a second would count the failure twice). */
	public Finding recordFinding(EvaluationTemplate template, Finding finding) {
		InspectionLifecycle.TABLE.require(state, InspectionAction.RECORD_FINDING);
		boolean onChecklist = template.checklist().stream().anyMatch(c -> c.code().equals(finding.criterionCode()));
		if (!onChecklist) {
			throw DomainException.invalid(List.of(new FieldProblem("criterionCode", "property.notOnChecklist")));
		}
		if (findings.stream().anyMatch(f -> f.criterionCode().equals(finding.criterionCode()))) {
			throw new DomainException(Category.CONFLICT, "FINDING_RECORDED", "property.findingRecorded");
		}
		findings.add(finding);
		return finding;
	}

	/** Submits: the checklist's criteria without a finding passed; the score is that of the checklist's points. */
	public Scorecard.Points submit(EvaluationTemplate template, Instant at) {
		state = InspectionLifecycle.TABLE.next(state, InspectionAction.SUBMIT);
		score = Scorecard.score(template, marks(template)).total();
		submittedAt = at;
		register(new InspectionSubmitted(id, subject.companyId(), subject.estateId(), score.awarded(),
				score.possible(), findings.size(), at));
		return score;
	}

	public void cancel() {
		state = InspectionLifecycle.TABLE.next(state, InspectionAction.CANCEL);
	}

	/** The marks the findings give: a finding fails its criterion, every other criterion of the checklist passes. */
	public Map<String, Scorecard.Mark> marks(EvaluationTemplate template) {
		Map<String, Scorecard.Mark> marks = new LinkedHashMap<>();
		for (EvaluationTemplate.Criterion c : template.checklist()) {
			boolean failed = findings.stream().anyMatch(f -> f.criterionCode().equals(c.code()));
			marks.put(c.code(), failed ? Scorecard.Mark.FAIL : Scorecard.Mark.PASS);
		}
		return marks;
	}

	public UUID id() {
		return id;
	}

	public Subject subject() {
		return subject;
	}

	public List<Finding> findings() {
		return List.copyOf(findings);
	}

	public InspectionState state() {
		return state;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public Scorecard.Points score() {
		return score;
	}
}
