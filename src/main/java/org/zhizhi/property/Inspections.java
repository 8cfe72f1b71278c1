package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.media.Photos;
import org.zhizhi.property.PropertyCommands.RecordFinding;
import org.zhizhi.property.PropertyCommands.StartInspection;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.Contract;
import org.zhizhi.property.PropertyViews.FindingView;
import org.zhizhi.property.PropertyViews.InspectionView;
import org.zhizhi.property.persistence.JdbcInspections;
import org.zhizhi.property.persistence.JdbcRegister;
import org.zhizhi.property.persistence.JdbcTemplates;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.Ids;

/**
 * 月检查 on the phone: an inspector starts an inspection of an estate a company manages under a running contract, goes
 * through the checklist recording a finding (note, photo, position) for each criterion that fails, and submits — the
 * rest passes, the score is fixed, and each finding becomes a rectification order through the whistle loop.
 */
@Service
public class Inspections {

	/** The template inspections use today; a template per subject once party branches are evaluated too. */
	public static final String TEMPLATE = "SANQIANG_SANHAO";

	private final JdbcInspections inspections;

	private final JdbcRegister register;

	private final JdbcTemplates templates;

	private final Rectifications rectifications;

	private final Photos photos;

	private final CommandShape shape;

	private final Clock clock;

	private final ZoneId zone;

	Inspections(JdbcInspections inspections, JdbcRegister register, JdbcTemplates templates,
			Rectifications rectifications, Photos photos, CommandShape shape, Clock clock, ZoneId zone) {
		this.inspections = inspections;
		this.register = register;
		this.templates = templates;
		this.rectifications = rectifications;
		this.photos = photos;
		this.shape = shape;
		this.clock = clock;
		this.zone = zone;
	}

	public EvaluationTemplate template() {
		return templates.template(TEMPLATE).orElseThrow();
	}

	@Transactional
	public InspectionView start(Actor actor, StartInspection command) {
		if (!actor.hasAny(PropertyRoles.INSPECTORS)) {
			throw new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "problem.forbidden");
		}
		List<FieldProblem> more = new ArrayList<>();
		Contract contract = command.estateId() == null || command.companyId() == null ? null
				: runningContract(actor.scope(), command.companyId(), command.estateId()).orElse(null);
		if (command.estateId() != null && command.companyId() != null && contract == null) {
			more.add(new FieldProblem("estateId", "property.notManaged"));
		}
		shape.check(command, more);
		Instant now = clock.instant();
		Inspection inspection = Inspection.start(Ids.newId(clock),
				new Inspection.Subject(TEMPLATE, contract.companyId(), contract.estateId(), contract.estateName(),
						contract.scopePath(), DataScope.districtOf(contract.scopePath()), actor.userId(),
						actor.displayName(), now, command.lat(), command.lng()));
		if (!inspections.insert(inspection)) {
			throw new DomainException(Category.CONFLICT, "INSPECTION_OPEN", "property.inspectionOpen");
		}
		return view(actor, inspection);
	}

	/** A finding on a criterion of the checklist with its note, position and (if taken) photo. */
	@Transactional
	public InspectionView recordFinding(Actor actor, UUID id, RecordFinding command, byte[] photo) {
		Inspection inspection = load(id);
		InspectionPolicy.require(actor, inspection, InspectionAction.RECORD_FINDING);
		shape.check(command);
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo).id();
		Inspection.Finding finding = inspection.recordFinding(template(),
				new Inspection.Finding(Ids.newId(clock), command.criterionCode().strip(), command.note().strip(),
						photoId, command.lat(), command.lng(), clock.instant()));
		if (!inspections.insert(id, finding)) {
			throw new DomainException(Category.CONFLICT, "FINDING_RECORDED", "property.findingRecorded");
		}
		return view(actor, inspection);
	}

	/** Submits: the score is fixed and every finding becomes a rectification order in the whistle loop. */
	@Transactional
	public InspectionView submit(Actor actor, UUID id) {
		Inspection inspection = load(id);
		InspectionPolicy.require(actor, inspection, InspectionAction.SUBMIT);
		EvaluationTemplate template = template();
		inspection.submit(template, clock.instant());
		if (!inspections.save(inspection)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.changedMeanwhile");
		}
		Company company = register.company(inspection.subject().companyId()).orElseThrow();
		Contract contract = runningContract(actor.scope(), company.id(), inspection.subject().estateId()).orElse(null);
		for (Inspection.Finding f : inspection.findings()) {
			double lat = contract != null && contract.lat() != null ? contract.lat() : f.lat();
			double lng = contract != null && contract.lng() != null ? contract.lng() : f.lng();
			rectifications.raise(inspection, f, company, template.criterion(f.criterionCode()).orElseThrow(), lat, lng);
		}
		return view(actor, inspection);
	}

	@Transactional
	public InspectionView cancel(Actor actor, UUID id) {
		Inspection inspection = load(id);
		InspectionPolicy.require(actor, inspection, InspectionAction.CANCEL);
		inspection.cancel();
		if (!inspections.save(inspection)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.changedMeanwhile");
		}
		return view(actor, inspection);
	}

	@Transactional(readOnly = true)
	public InspectionView get(Actor actor, UUID id) {
		return view(actor, visible(actor, id));
	}

	/** The inspections of the caller's scope (of one company, if given), newest first. */
	@Transactional(readOnly = true)
	public List<InspectionView> list(Actor actor, UUID companyId, int limit) {
		PropertyCompanies.requireDesk(actor);
		return inspections.list(actor.scope(), companyId, limit).stream().map(i -> view(actor, i)).toList();
	}

	/** The inspections the caller started himself (of his scope), newest first: an inspector's own list. */
	@Transactional(readOnly = true)
	public List<InspectionView> mine(Actor actor, int limit) {
		PropertyCompanies.requireDesk(actor);
		return inspections.list(actor.scope(), null, limit).stream()
			.filter(i -> actor.userId().equals(i.subject().inspectorId()))
			.map(i -> view(actor, i))
			.toList();
	}

	/** A finding's photo, for whoever sees the inspection. */
	@Transactional(readOnly = true)
	public Optional<byte[]> photo(Actor actor, UUID findingId) {
		Inspection.Finding finding = inspections.finding(findingId)
			.orElseThrow(() -> DomainException.notFound("finding"));
		visible(actor, inspections.inspectionOf(findingId));
		return finding.photoId() == null ? Optional.empty() : photos.photo(finding.photoId());
	}

	private Inspection visible(Actor actor, UUID id) {
		PropertyCompanies.requireDesk(actor);
		return inspections.find(id)
			.filter(i -> actor.scope().covers(i.subject().scopePath()))
			.orElseThrow(() -> DomainException.notFound("inspection"));
	}

	private Inspection load(UUID id) {
		return inspections.find(id).orElseThrow(() -> DomainException.notFound("inspection"));
	}

	private Optional<Contract> runningContract(DataScope scope, UUID companyId, UUID estateId) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return register.contractsOfEstate(estateId).stream()
			.filter(k -> k.companyId().equals(companyId) && k.runsOn(today) && scope.covers(k.scopePath()))
			.findFirst();
	}

	InspectionView view(Actor actor, Inspection i) {
		EvaluationTemplate template = template();
		Inspection.Subject s = i.subject();
		String company = register.company(s.companyId()).map(Company::name).orElse("");
		List<FindingView> findings = i.findings().stream()
			.map(f -> new FindingView(f.id(), f.criterionCode(),
					template.criterion(f.criterionCode()).map(EvaluationTemplate.Criterion::text).orElse(""), f.note(),
					f.photoId() != null, f.lat(), f.lng(), f.foundAt()))
			.toList();
		return new InspectionView(i.id(), s.companyId(), company, s.estateId(), s.estateName(), s.inspectorName(),
				i.state(), s.startedAt(), i.submittedAt(), i.score() == null ? null : i.score().awarded(),
				i.score() == null ? null : i.score().possible(), i.score() == null ? null : i.score().percent(),
				findings, actor == null ? java.util.Set.of() : InspectionPolicy.allowedActions(actor, i));
	}
}
