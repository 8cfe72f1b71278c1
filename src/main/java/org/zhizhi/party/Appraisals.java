package org.zhizhi.party;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.party.AppraisalCommands.AssessBranch;
import org.zhizhi.party.AppraisalCommands.OpenAppraisal;
import org.zhizhi.party.AppraisalCommands.RecordResult;
import org.zhizhi.party.persistence.JdbcAppraisals;
import org.zhizhi.party.persistence.JdbcParty;
import org.zhizhi.property.EvaluationTemplate;
import org.zhizhi.property.EvaluationTemplates;
import org.zhizhi.property.Scorecard;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * 民主评议党员 — a branch's round of a year with a result per member — and the branch's yearly assessment against the
 * evaluation engine's {@code PARTY_BRANCH} template (property's engine: the same tables and arithmetic as 三强三好,
 * another template). For the writers of the party registry; read by every reader of it.
 */
@Service
@Transactional
public class Appraisals {

	/** The levels that appraise their members and are assessed: base organisations, as their meetings' rhythm. */
	static final Set<PartyLevel> BASE = Set.of(PartyLevel.BRANCH, PartyLevel.GENERAL_BRANCH, PartyLevel.COMMITTEE);

	private final JdbcAppraisals appraisals;

	private final JdbcParty party;

	private final EvaluationTemplates templates;

	private final CommandShape shape;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Appraisals(JdbcAppraisals appraisals, JdbcParty party, EvaluationTemplates templates, CommandShape shape,
			ApplicationEventPublisher events, Clock clock) {
		this.appraisals = appraisals;
		this.party = party;
		this.templates = templates;
		this.shape = shape;
		this.events = events;
		this.clock = clock;
	}

	/** A round with its lines and counts per grade. */
	public record AppraisalView(Appraisal appraisal, List<AppraisalResultLine> lines, Map<AppraisalGrade, Long> counts,
			long missing, boolean mayRecord) {
	}

	public Appraisal open(Actor actor, OpenAppraisal command) {
		PartyRules.checkWriter(actor);
		PartyOrg org = baseOrg(actor, command.orgId(), command);
		Appraisal appraisal = new Appraisal(Ids.newId(clock), org.id(), org.name(), command.year(),
				AppraisalState.OPEN, null, 0);
		if (!appraisals.insert(appraisal, org.scopePath(), DataScope.districtOf(org.scopePath()), clock.instant(),
				actor.userId())) {
			throw new DomainException(Category.CONFLICT, "APPRAISAL_EXISTS", "party.appraisal.exists", org.name(),
					command.year());
		}
		return appraisal;
	}

	public void record(Actor actor, UUID appraisalId, RecordResult command) {
		PartyRules.checkWriter(actor);
		Appraisal appraisal = load(actor, appraisalId);
		appraisal.checkRecording();
		List<FieldProblem> more = new ArrayList<>();
		PartyMember member = command.memberId() == null ? null
				: party.member(actor.scope(), command.memberId())
					.filter(m -> appraisals.results(appraisal.id(), appraisal.orgId())
						.stream()
						.anyMatch(line -> line.memberId().equals(m.id())))
					.orElse(null);
		if (command.memberId() != null && member == null) {
			more.add(new FieldProblem("memberId", "party.meeting.notOfOrg"));
		}
		if (command.grade() != null && command.grade().needsNote()
				&& (command.note() == null || command.note().isBlank())) {
			more.add(new FieldProblem("note", "party.appraisal.noteRequired"));
		}
		shape.check(command, more);
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		String[] placement = party.placementOfMember(member.id()).orElseThrow();
		if (!appraisals.record(appraisal.id(), member.id(), command.grade(), note, UUID.fromString(placement[1]),
				clock.instant(), actor.userId())) {
			throw AppraisalLifecycle.TABLE.illegal(AppraisalState.CLOSED, AppraisalAction.RECORD);
		}
	}

	public Appraisal close(Actor actor, UUID appraisalId) {
		PartyRules.checkWriter(actor);
		Appraisal appraisal = load(actor, appraisalId);
		long missing = appraisals.results(appraisal.id(), appraisal.orgId())
			.stream()
			.filter(line -> line.grade() == null)
			.count();
		appraisal.close(missing, clock.instant());
		if (!appraisals.save(appraisal)) {
			throw AppraisalLifecycle.TABLE.illegal(AppraisalState.CLOSED, AppraisalAction.CLOSE);
		}
		appraisal.publishEvents(events::publishEvent);
		return appraisal;
	}

	@Transactional(readOnly = true)
	public List<Appraisal> appraisals(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return appraisals.list(actor.scope(), orgId);
	}

	@Transactional(readOnly = true)
	public Optional<AppraisalView> appraisal(Actor actor, UUID id) {
		PartyRules.checkReader(actor);
		return appraisals.find(actor.scope(), id).map(a -> {
			List<AppraisalResultLine> lines = appraisals.results(a.id(), a.orgId());
			Map<AppraisalGrade, Long> counts = new java.util.EnumMap<>(AppraisalGrade.class);
			for (AppraisalGrade grade : AppraisalGrade.values()) {
				counts.put(grade, lines.stream().filter(l -> l.grade() == grade).count());
			}
			return new AppraisalView(a, lines, counts, lines.stream().filter(l -> l.grade() == null).count(),
					PartyRules.mayWrite(actor) && AppraisalLifecycle.TABLE.allows(a.state(), AppraisalAction.RECORD));
		});
	}

	// --- the branch assessment -------------------------------------------------------------------------------------

	/** The template branches are assessed against. */
	@Transactional(readOnly = true)
	public EvaluationTemplate branchTemplate() {
		return templates.template(EvaluationTemplates.PARTY_BRANCH).orElseThrow();
	}

	/** Assesses the branch for the year: every criterion of the template marked, the score the engine's. */
	public BranchAssessment assess(Actor actor, AssessBranch command) {
		PartyRules.checkWriter(actor);
		EvaluationTemplate template = branchTemplate();
		List<FieldProblem> more = new ArrayList<>();
		PartyOrg org = command.orgId() == null ? null : party.org(actor.scope(), command.orgId()).orElse(null);
		if (command.orgId() != null && (org == null || !BASE.contains(org.level()))) {
			more.add(new FieldProblem("orgId", "party.appraisal.notABranch"));
		}
		if (command.marks() != null && !command.marks().isEmpty()
				&& (!template.criteria().stream().allMatch(c -> command.marks().get(c.code()) != null)
						|| command.marks().size() != template.criteria().size())) {
			more.add(new FieldProblem("marks", "party.assessment.everyCriterion", template.criteria().size()));
		}
		shape.check(command, more);
		Scorecard.Score score = Scorecard.score(template, command.marks());
		BranchAssessment assessment = new BranchAssessment(Ids.newId(clock), org.id(), org.name(), command.year(), template.code(),
				score.total().awarded(), score.total().possible(), Map.copyOf(command.marks()), clock.instant());
		if (!appraisals.insertAssessment(assessment, org.scopePath(), DataScope.districtOf(org.scopePath()),
				actor.userId())) {
			throw new DomainException(Category.CONFLICT, "ASSESSMENT_EXISTS", "party.assessment.exists", org.name(),
					command.year());
		}
		return assessment;
	}

	@Transactional(readOnly = true)
	public List<BranchAssessment> assessments(Actor actor, UUID orgId) {
		PartyRules.checkReader(actor);
		return appraisals.assessments(actor.scope(), orgId);
	}

	private PartyOrg baseOrg(Actor actor, UUID orgId, Object command) {
		List<FieldProblem> more = new ArrayList<>();
		PartyOrg org = orgId == null ? null : party.org(actor.scope(), orgId).orElse(null);
		if (orgId != null && (org == null || !BASE.contains(org.level()))) {
			more.add(new FieldProblem("orgId", "party.appraisal.notABranch"));
		}
		shape.check(command, more);
		return org;
	}

	private Appraisal load(Actor actor, UUID id) {
		return appraisals.find(actor.scope(), id).orElseThrow(() -> DomainException.notFound("party-appraisal"));
	}
}
