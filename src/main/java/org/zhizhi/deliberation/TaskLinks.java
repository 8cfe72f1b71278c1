package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.deliberation.persistence.JdbcTopics.Lock;
import org.zhizhi.deliberation.persistence.TopicRecords;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.incident.IncidentManagement;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.ReportIncident;
import org.zhizhi.incident.Triage;
import org.zhizhi.partnership.ItemCategory;
import org.zhizhi.partnership.ItemEvent;
import org.zhizhi.partnership.ItemKind;
import org.zhizhi.partnership.ItemStatus;
import org.zhizhi.partnership.ListItems;
import org.zhizhi.partnership.Measure;
import org.zhizhi.partnership.PartnershipCommands.NewItem;
import org.zhizhi.partnership.PartnershipQueries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.PlaceQueries;

/**
 * A decision's task that another module carries out (执事 through the whistle loop or the partnership lists): made
 * there in the task's own transaction — by the person who adds the task, so the other module's rules and scope apply
 * to him — and followed from there. The followers are {@link ApplicationModuleListener}s: each delivery reads where
 * the linked object stands now (never the event's own "to"), under the task row's lock, so deliveries that come twice
 * or out of order leave the same row; a task done once stays done.
 */
@Component
class TaskLinks {

	/**
	 * Where a linked object has ended without the work done — an incident rejected or closed (a verified one has done
	 * its task already), a project withdrawn: the desk then settles the task by hand.
	 */
	private static final Set<String> ENDED_UNDONE = Set.of(IncidentState.REJECTED.name(),
			IncidentState.CLOSED.name(), IncidentState.RATED.name(), ItemStatus.WITHDRAWN.name());

	/** Whether a person marks the task done: a plain one always, a linked one once its object ended undone. */
	static boolean byHand(TaskKind kind, String linkedState) {
		return kind == TaskKind.PLAIN || ENDED_UNDONE.contains(linkedState);
	}

	private static final Set<IncidentState> CLOSED = EnumSet.of(IncidentState.CLOSED, IncidentState.RATED);

	private final IncidentManagement incidents;

	private final IncidentQueries incidentQueries;

	private final ListItems lists;

	private final PartnershipQueries partnership;

	private final PlaceQueries places;

	private final JdbcTopics topics;

	private final TopicRecords records;

	private final MessageSource messages;

	private final org.zhizhi.volunteer.VolunteerTeams volunteerTeams;

	private final org.zhizhi.territory.Installation installation;

	private final Clock clock;

	private final ZoneId zone;

	TaskLinks(IncidentManagement incidents, IncidentQueries incidentQueries, ListItems lists,
			PartnershipQueries partnership, PlaceQueries places, JdbcTopics topics, TopicRecords records,
			MessageSource messages, org.zhizhi.volunteer.VolunteerTeams volunteerTeams,
			org.zhizhi.territory.Installation installation, Clock clock, ZoneId zone) {
		this.installation = installation;
		this.volunteerTeams = volunteerTeams;
		this.incidents = incidents;
		this.incidentQueries = incidentQueries;
		this.lists = lists;
		this.partnership = partnership;
		this.places = places;
		this.topics = topics;
		this.records = records;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** The object a task was made as, and where it stood when made. */
	record Link(UUID id, String state) {
	}

	/**
	 * Makes the incident or the project the task is to be, or nothing for a plain task. What only this kind needs is
	 * checked here and refused as field problems before anything is written.
	 */
	Optional<Link> open(Actor actor, Topic topic, AddTask command) {
		return switch (command.kind()) {
			case PLAIN -> Optional.empty();
			case INCIDENT -> Optional.of(incident(actor, topic, command));
			case PROJECT -> Optional.of(project(actor, topic, command));
			case VOLUNTEER -> Optional.of(volunteering(actor, topic, command));
		};
	}

	/** A volunteer activity of the chosen team on the due day, 09:00 to 11:00, at the topic's place. */
	private Link volunteering(Actor actor, Topic topic, AddTask command) {
		List<FieldProblem> problems = new ArrayList<>();
		if (command.teamId() == null) {
			problems.add(new FieldProblem("teamId", "validation.required"));
		}
		double[] point = position(actor.scope(), topic, command).orElse(null);
		if (point == null) {
			problems.add(new FieldProblem("lat", "deliberation.taskNeedsPosition"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		java.time.Instant start = command.dueOn().atTime(9, 0).atZone(zone).toInstant();
		org.zhizhi.volunteer.Activity activity = volunteerTeams.createActivity(actor,
				new org.zhizhi.volunteer.VolunteerCommands.NewActivity(command.teamId(), command.title().strip(),
						text("deliberation.task.volunteerText", topic.title(), command.owner().strip()),
						topic.place().name(), point[0], point[1], start, start.plus(java.time.Duration.ofHours(2)), 20));
		return new Link(activity.id(), activity.state().name());
	}

	/** The organiser approved someone's hours for a task's activity: the task is done. */
	@ApplicationModuleListener
	void on(org.zhizhi.volunteer.HoursApproved hours) {
		records.taskLinkedTo(TaskKind.VOLUNTEER, hours.activityId()).ifPresent(task -> {
			Topic topic = topics.topic(task.topicId(), Lock.NONE).orElseThrow();
			follow(task, topic, "SERVED", true);
		});
	}

	private Link incident(Actor actor, Topic topic, AddTask command) {
		List<FieldProblem> problems = new ArrayList<>();
		if (command.incidentCategory() == null || command.incidentCategory().isBlank()) {
			problems.add(new FieldProblem("incidentCategory", "validation.required"));
		}
		double[] point = position(actor.scope(), topic, command).orElse(null);
		if (point == null) {
			problems.add(new FieldProblem("lat", "deliberation.taskNeedsPosition"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		String description = text("deliberation.task.incidentText", topic.title(), command.title().strip(),
				command.owner().strip(), command.dueOn().toString());
		IncidentView made = incidents
			.reportFor(actor, new ReportIncident(Channel.MEETING, command.incidentCategory().strip(), description,
					point[0], point[1]))
			.incident();
		return new Link(made.id(), made.state().name());
	}

	private Link project(Actor actor, Topic topic, AddTask command) {
		ItemCategory category = ItemCategory.OTHER;
		if (command.projectCategory() != null && !command.projectCategory().isBlank()) {
			try {
				category = ItemCategory.valueOf(command.projectCategory().strip());
			}
			catch (IllegalArgumentException unknown) {
				throw DomainException
					.invalid(List.of(new FieldProblem("projectCategory", "deliberation.unknownProjectCategory")));
			}
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		// a task recorded late may already be due: the project's period then is that one day
		LocalDate start = today.isAfter(command.dueOn()) ? command.dueOn() : today;
		double[] point = position(actor.scope(), topic, command).orElse(null);
		var item = lists.publish(actor,
				new NewItem(topic.place().communityId(), ItemKind.PROJECT, null, command.title().strip(), category,
						text("deliberation.task.projectText", topic.title(), command.owner().strip(),
								command.dueOn().toString()),
						BigDecimal.ONE, Measure.ITEMS, start, command.dueOn(), point == null ? null : point[0],
						point == null ? null : point[1]));
		return new Link(item.id(), item.status().name());
	}

	/** Where the task is done: as given, else the topic's building, else the first building of its estate. */
	private Optional<double[]> position(DataScope scope, Topic topic, AddTask command) {
		if (command.lat() != null && command.lng() != null) {
			return Optional.of(new double[] { command.lat(), command.lng() });
		}
		Optional<Building> building = topic.place().buildingId() != null
				? places.building(scope, topic.place().buildingId())
				: topic.place().estateId() != null ? places.buildingsOfEstate(scope, topic.place().estateId())
					.stream()
					.map(BuildingOverview::building)
					.findFirst() : Optional.empty();
		return building.filter(b -> b.lat() != null && b.lng() != null).map(b -> new double[] { b.lat(), b.lng() });
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	// a task's incident is linked with its reported state in the very transaction that reports it, so the report's
	// own event changes nothing here: the condition spares every report a publication (issue 16)
	@ApplicationModuleListener(condition = IncidentEvent.NOT_A_REPORT)
	void on(IncidentEvent step) {
		records.taskLinkedTo(TaskKind.INCIDENT, step.incidentId()).ifPresent(task -> {
			Topic topic = topics.topic(task.topicId(), Lock.NONE).orElseThrow();
			IncidentView now = incidentQueries.view(installation.whole(), step.incidentId()).orElseThrow();
			// a private matter closes at triage: that is no work done, the desk settles the task
			boolean done = CLOSED.contains(now.state()) && now.triage() != Triage.PRIVATE;
			follow(task, topic, now.state().name(), done);
		});
	}

	@ApplicationModuleListener
	void on(ItemEvent step) {
		records.taskLinkedTo(TaskKind.PROJECT, step.itemId()).ifPresent(task -> {
			Topic topic = topics.topic(task.topicId(), Lock.NONE).orElseThrow();
			ItemStatus now = partnership.itemStatus(installation.whole(), step.itemId()).orElseThrow();
			follow(task, topic, now.name(), now == ItemStatus.COMPLETED);
		});
	}

	private void follow(TopicRecords.Task task, Topic topic, String state, boolean done) {
		records.linkedState(task.id(), state);
		if (done && !task.done()
				&& records.completeTask(topic.id(), task.id(), null, null, null, clock.instant())
				&& TopicLifecycle.TABLE.allows(topic.state(), TopicAction.COMPLETE_TASK)) {
			topic.told(TopicAction.COMPLETE_TASK, null, null, clock.instant(), task.title());
			topics.told(topic);
		}
	}

}
