package org.zhizhi.notification;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one message says, the same for every recipient: a kind that machines read ({@code INCIDENT_REPORTED}), a title
 * and body that people read, and a link to the page where the recipient acts. The link is a path inside the platform —
 * never an address elsewhere, so that a message cannot send anyone off-site. The district, when the message concerns
 * one, is kept with it as every growing table keeps it.
 */
public record Notice(String kind, String title, String body, String link, UUID districtId, Subject subject) {

	/**
	 * What a notice asks its recipient to act on — an incident, an order — and the state it was in when the notice
	 * was sent. The owning module settles it ({@link Notifications#settle}) once the thing has moved on.
	 */
	public record Subject(String type, UUID id, String state) {

		public Subject {
			Objects.requireNonNull(id, "id");
			if (type == null || !KIND.matcher(type).matches()) {
				throw new IllegalArgumentException("a subject type is UPPER_SNAKE_CASE: " + type);
			}
		}
	}

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 2000;

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

	/**
	 * A path of this platform: it starts with one slash, and holds neither a second leading slash nor a backslash nor
	 * white space, which browsers would read as the start of another host ({@code //evil}, {@code /\evil}).
	 */
	private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[^\\s\\\\]{0,500}");

	public Notice {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		if (!KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("a notice kind is UPPER_SNAKE_CASE: " + kind);
		}
		title = cut(title.strip(), MAX_TITLE);
		if (title.isEmpty()) {
			throw new IllegalArgumentException("a notice needs a title");
		}
		body = body == null ? "" : cut(body.strip(), MAX_BODY);
		if (link != null && !LINK.matcher(link).matches()) {
			throw new IllegalArgumentException("a notice links to a path inside the platform: " + link);
		}
	}

	public Notice(String kind, String title, String body, String link, UUID districtId) {
		this(kind, title, body, link, districtId, null);
	}

	public Notice(String kind, String title, String body, String link) {
		this(kind, title, body, link, null, null);
	}

	/** The same notice, about a thing in a state: done once the thing has left that state. */
	public Notice about(String type, UUID id, String state) {
		return new Notice(kind, title, body, link, districtId, new Subject(type, id, state));
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
