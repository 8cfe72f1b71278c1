package org.zhizhi.deliberation;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/**
 * 提事: a matter of a building, an estate or a community. A resident's topic is about his own home's place (his
 * building by default); staff name the place. {@code through} says how it reached the platform — a resident's own
 * phone, or the grid worker relaying a group chat or a visit; {@code incidentId} links a public matter turned to
 * deliberation (转议事).
 */
public record RaiseTopic(
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 4, max = 60, message = TopicInput.LENGTH) String title,
		@HasText(message = TopicInput.REQUIRED) @TextLength(min = 4, max = 2000,
				message = TopicInput.LENGTH) String description,
		@NotNull(message = TopicInput.REQUIRED) PlaceKind placeKind, UUID placeId, RaisedThrough through,
		UUID incidentId) {

	public RaiseTopic {
		through = through == null ? RaisedThrough.RESIDENT_APP : through;
	}
}
