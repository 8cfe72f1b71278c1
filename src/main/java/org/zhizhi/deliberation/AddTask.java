package org.zhizhi.deliberation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/**
 * 执事: what is to be done, who answers for it (named as people say it), by when, and what it becomes ({@code kind},
 * plain when not given). An incident needs its category ({@code incidentCategory}, a code of the whistle loop) and is
 * placed at {@code lat}/{@code lng} or else at the topic's building; a project may name its list category; a volunteer
 * activity names its team ({@code teamId}) and takes place on the due day, 09:00 to 11:00.
 */
public record AddTask(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 2, max = 100, message = TopicInput.LENGTH) String title,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 1, max = 60, message = TopicInput.LENGTH) String owner,
		@NotNull(message = TopicInput.REQUIRED) @PlausibleDate LocalDate dueOn, TaskKind kind, String incidentCategory,
		String projectCategory, @Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng, java.util.UUID teamId) {

	public AddTask {
		kind = kind == null ? TaskKind.PLAIN : kind;
	}

	/** A plain task, tracked on the topic. */
	public AddTask(String title, String owner, LocalDate dueOn) {
		this(title, owner, dueOn, TaskKind.PLAIN, null, null, null, null, null);
	}
}
