package org.zhizhi.property;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.AcceptIncident;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentDispatch;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.incident.ReworkIncident;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.TriageIncident;
import org.zhizhi.incident.VerifyIncident;
import org.zhizhi.incident.WhistleIncident;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.property.PropertyCommands.CheckRectification;
import org.zhizhi.property.PropertyViews.Company;
import org.zhizhi.property.PropertyViews.RectificationView;
import org.zhizhi.property.persistence.JdbcRectifications;
import org.zhizhi.property.persistence.JdbcTemplates;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.CommandShape;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Ids;
import org.zhizhi.territory.Installation;

/**
 * 整改 through the whistle loop, not beside it: each finding of a submitted inspection becomes an incident of the
 * category 物业整改, accepted, triaged as a community matter and whistled QUICK straight to the company's unit — so
 * the company answers it where it answers every whistle, with the loop's deadlines, cards and escalations. The order
 * follows its incident's steps (a listener of {@link IncidentEvent}); the inspector's check verifies the incident or
 * sends it back for rework.
 */
@Service
public class Rectifications {

	/** The incident category the loop knows rectifications by (incident's migration V15). */
	public static final String CATEGORY = "PROPERTY_RECTIFICATION";

	private final JdbcRectifications rectifications;

	private final JdbcTemplates templates;

	private final IncidentManagement incidents;

	private final IncidentDispatch dispatch;

	private final IncidentQueries incidentQueries;

	private final Installation installation;

	private final CommandShape shape;

	private final MessageSource messages;

	private final Clock clock;

	Rectifications(JdbcRectifications rectifications, JdbcTemplates templates, IncidentManagement incidents,
			IncidentDispatch dispatch, IncidentQueries incidentQueries, Installation installation, CommandShape shape,
			MessageSource messages, Clock clock) {
		this.rectifications = rectifications;
		this.templates = templates;
		this.incidents = incidents;
		this.dispatch = dispatch;
		this.incidentQueries = incidentQueries;
		this.installation = installation;
		this.shape = shape;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A finding's order, raised in the submitting transaction: the incident at {@code lat, lng} (the estate), assigned
	 * to the company's unit; its deadline is the loop's for a quick whistle of the category.
	 */
	Rectification raise(Inspection inspection, Inspection.Finding finding, Company company,
			EvaluationTemplate.Criterion criterion, double lat, double lng) {
		Actor loop = LoopActor.of(inspection.subject().scopePath(), messages);
		String text = messages.getMessage("property.rectification.incidentText",
				new Object[] { inspection.subject().estateName(), company.name(), criterion.code(), criterion.text(),
						finding.note(), inspection.subject().inspectorName() },
				Locale.SIMPLIFIED_CHINESE);
		UUID incidentId = incidents.reportFor(loop, new ReportIncident(Channel.PATROL, CATEGORY, text, lat, lng))
			.incident()
			.id();
		incidents.accept(loop, incidentId, new AcceptIncident(null, null, null));
		incidents.triage(loop, incidentId, new TriageIncident(Triage.COMMUNITY, null, null, null));
		IncidentView view = dispatch.whistle(loop, incidentId, new WhistleIncident(WhistleType.QUICK,
				DispatchMode.ASSIGN, null, company.unitId(), null, List.of(), null, null, null)).incident();
		Instant now = clock.instant();
		Rectification r = Rectification.issue(Ids.newId(clock),
				new Rectification.Order(finding.id(), inspection.id(), company.id(), inspection.subject().estateName(),
						criterion.code(), finding.note(), inspection.subject().scopePath(),
						inspection.subject().inspectorId(), incidentId, now),
				loopOf(view));
		rectifications.insert(r);
		return r;
	}

	/** The inspector's check of what the company answered: passed (the incident verified) or sent back (rework). */
	@Transactional
	public RectificationView check(Actor actor, UUID id, CheckRectification command) {
		Rectification r = rectifications.find(id).orElseThrow(() -> DomainException.notFound("rectification"));
		RectificationAction action = Boolean.FALSE.equals(command.passed()) ? RectificationAction.SEND_BACK
				: RectificationAction.PASS;
		RectificationPolicy.require(actor, r, action);
		shape.check(command);
		Actor loop = LoopActor.of(r.order().scopePath(), messages);
		String note = command.note() == null || command.note().isBlank()
				? messages.getMessage(action == RectificationAction.PASS ? "property.rectification.passedNote"
						: "property.rectification.sentBackNote", new Object[] { actor.displayName() },
						Locale.SIMPLIFIED_CHINESE)
				: actor.displayName() + "：" + command.note().strip();
		IncidentView view;
		if (action == RectificationAction.PASS) {
			view = incidents.verify(loop, r.order().incidentId(), new VerifyIncident(note, null, null)).incident();
			r.pass(clock.instant(), loopOf(view));
		}
		else {
			view = incidents.rework(loop, r.order().incidentId(), new ReworkIncident(note, null, null)).incident();
			r.sendBack();
			r.follow(loopOf(view), false, false, clock.instant());
		}
		if (!rectifications.save(r)) {
			throw new DomainException(Category.CONFLICT, "CHANGED_MEANWHILE", "property.changedMeanwhile");
		}
		return view(actor, r);
	}

	/**
	 * Follows the order's incident: reads the incident as it is now (deliveries may overtake each other) under a lock
	 * on the order's row, so a second delivery of the same step changes nothing.
	 */
	// a rectification is opened with its incident's loop as reported, so the report's own event changes nothing
	// here: the condition spares every report a publication (issue 16)
	@ApplicationModuleListener(condition = IncidentEvent.NOT_A_REPORT)
	void on(IncidentEvent step) {
		rectifications.ofIncidentForUpdate(step.incidentId()).ifPresent(r -> {
			if (r.state() == RectificationState.PASSED || r.state() == RectificationState.WITHDRAWN) {
				return;
			}
			IncidentView now = incidentQueries.view(installation.whole(), step.incidentId()).orElseThrow();
			boolean ended = now.state() == IncidentState.REJECTED
					|| now.closedAt() != null && now.state() != IncidentState.RESOLVED;
			r.follow(loopOf(now), now.state() == IncidentState.RESOLVED, ended, clock.instant());
			rectifications.save(r);
		});
	}

	@Transactional(readOnly = true)
	public List<RectificationView> list(Actor actor, UUID companyId, UUID inspectionId) {
		PropertyCompanies.requireDesk(actor);
		return rectifications.list(actor.scope(), companyId, inspectionId, PropertyCompanies.LIMIT)
			.stream()
			.map(r -> view(actor, r))
			.toList();
	}

	@Transactional(readOnly = true)
	public RectificationView get(Actor actor, UUID id) {
		PropertyCompanies.requireDesk(actor);
		return rectifications.find(id)
			.filter(r -> actor.scope().covers(r.order().scopePath()))
			.map(r -> view(actor, r))
			.orElseThrow(() -> DomainException.notFound("rectification"));
	}

	static Rectification.Loop loopOf(IncidentView view) {
		return new Rectification.Loop(view.state().name(), view.resolveDueAt(), view.escalations(), view.redCards());
	}

	RectificationView view(Actor actor, Rectification r) {
		Rectification.Order o = r.order();
		String text = templates.template("SANQIANG_SANHAO")
			.flatMap(t -> t.criterion(o.criterionCode()))
			.map(EvaluationTemplate.Criterion::text)
			.orElse(o.criterionCode());
		Instant now = clock.instant();
		return new RectificationView(r.id(), o.inspectionId(), o.companyId(), o.estateName(), o.criterionCode(), text,
				o.note(), o.incidentId(), r.state(), r.loop().state(), r.loop().dueAt(), r.overdue(now),
				r.loop().escalations(), r.loop().redCards(), r.sentBack(), o.issuedAt(), r.answeredAt(), r.closedAt(),
				actor == null ? java.util.Set.of() : RectificationPolicy.allowedActions(actor, r));
	}
}
