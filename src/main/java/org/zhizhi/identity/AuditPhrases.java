package org.zhizhi.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail in words: from what an entry recorded (a named action such as {@code LOGIN}, or a write's method and
 * path with its ids as {@code {id}}) to a Chinese (or English) sentence — the person, what he did, and the object by
 * its name. The wording is data in the message bundles, looked up from the most particular to the most general:
 * <ol>
 * <li>{@code auditPhrase.<action>} — the action itself: {@code auditPhrase.LOGIN}, or method and path written together,
 * {@code auditPhrase.POST/partnership/meetings/{id}/decisions};</li>
 * <li>{@code auditVerb.<step>} — a write whose path ends in a step after an id ({@code …/incidents/{id}/whistle}): the
 * step's verb before the object ("吹哨了 事件「…」");</li>
 * <li>{@code auditVerb.<method>} — any other write: 提交了, 修改了, 删除了 and the object.</li>
 * </ol>
 * A phrase places the object with {@code {object}} (its kind and name: 联席会议「…」) or {@code {name}} (the name alone)
 * and may quote the text a form sent with {@code {quote:<parameter>}} — only fields that name the thing (a title, a
 * decision's wording), never a person's data: the write filter keeps only the parameters the phrases quote. Free of
 * Spring: {@code messages} answers a key's text or {@code null}.
 */
public final class AuditPhrases {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(object|name|quote:([A-Za-z][A-Za-z0-9]*))\\}");

	private static final Pattern ID = Pattern.compile("\\{id\\}");

	private final UnaryOperator<String> messages;

	public AuditPhrases(UnaryOperator<String> messages) {
		this.messages = messages;
	}

	/** The phrase an action is told with: the key it was found under and its text with placeholders. */
	public record Phrase(String key, String text) {
	}

	public Phrase phrase(String action) {
		int space = action.indexOf(' ');
		if (space < 0) {
			Phrase named = found("auditPhrase." + action);
			if (named != null) {
				return named;
			}
			String label = messages.apply("auditAction." + action);
			return new Phrase(null, label != null ? label : action);
		}
		String method = action.substring(0, space);
		String path = action.substring(space + 1);
		Phrase exact = found("auditPhrase." + method + path);
		if (exact != null) {
			return exact;
		}
		String step = stepAfterId(path);
		if (step != null) {
			Phrase verb = found("auditVerb." + step);
			if (verb != null) {
				return new Phrase(verb.key(), verb.text() + " {object}");
			}
		}
		Phrase generic = found("auditVerb." + method);
		return new Phrase(generic == null ? null : generic.key(),
				(generic == null ? method : generic.text()) + " {object}");
	}

	/** The form parameters the phrase of this action quotes, in its order: what the write filter keeps of a form. */
	public Set<String> quotedParameters(String action) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(phrase(action).text());
		while (m.find()) {
			if (m.group(2) != null) {
				names.add(m.group(2));
			}
		}
		return names;
	}

	/** A piece of the sentence: its words, and what the mouse shows over it (an id, an account), if anything. */
	public record Part(String text, String title, Kind kind) {

		public enum Kind {
			PERSON, WORDS, OBJECT, QUOTE
		}
	}

	/** The object of an entry as the sentence names it. */
	public record Subject(String kind, String name, String id, String quoted) {
	}

	/**
	 * The sentence of an entry: the person, then the phrase with the object and the quoted text put in. An object
	 * without a name is told by its kind (from the namer, else from the path's word before its id), its id kept for
	 * the mouse.
	 */
	public List<Part> sentence(String person, String personTitle, String action, Subject object) {
		List<Part> parts = new ArrayList<>();
		parts.add(new Part(person, personTitle, Part.Kind.PERSON));
		String text = " " + phrase(action).text();
		String kindLabel = kindLabel(object.kind(), action);
		String idTitle = object.id() == null ? null : (kindLabel == null ? "" : kindLabel + " ") + object.id();
		Matcher m = PLACEHOLDER.matcher(text);
		int at = 0;
		while (m.find()) {
			words(parts, text.substring(at, m.start()));
			at = m.end();
			if (m.group(2) != null) {
				if (object.quoted() != null && !object.quoted().isBlank()) {
					parts.add(new Part("「" + object.quoted() + "」", null, Part.Kind.QUOTE));
				}
				continue;
			}
			String named = object.name() == null ? null : "「" + object.name() + "」";
			String told;
			if ("name".equals(m.group(1)) && object.name() != null) {
				told = object.name();
			}
			else if (named != null) {
				told = (kindLabel == null ? "" : kindLabel) + named;
			}
			else {
				told = kindLabel != null ? kindLabel : orElse(messages.apply("auditObject.unknown"), "");
			}
			parts.add(new Part(told, idTitle, Part.Kind.OBJECT));
		}
		words(parts, text.substring(at));
		return parts;
	}

	/** The sentence as plain words: for the spreadsheet. */
	public static String plain(List<Part> parts) {
		StringBuilder text = new StringBuilder();
		for (Part part : parts) {
			text.append(part.text());
		}
		return text.toString().replaceAll("\\s+", " ").strip();
	}

	private String kindLabel(String kind, String action) {
		String label = kind == null ? null : messages.apply("auditObject." + kind);
		if (label != null) {
			return label;
		}
		String segment = segmentBeforeLastId(action);
		return segment == null ? null : messages.apply("auditObject." + segment);
	}

	private static void words(List<Part> parts, String text) {
		if (!text.isEmpty()) {
			parts.add(new Part(text, null, Part.Kind.WORDS));
		}
	}

	private Phrase found(String key) {
		String text = messages.apply(key);
		return text == null ? null : new Phrase(key, text);
	}

	/** The last segment of a path when it follows an id: the step taken on that object ({@code whistle}). */
	static String stepAfterId(String path) {
		String[] segments = path.split("/");
		int last = segments.length - 1;
		if (last >= 1 && !segments[last].isEmpty() && !ID.matcher(segments[last]).matches()
				&& ID.matcher(segments[last - 1]).matches()) {
			return segments[last];
		}
		return null;
	}

	/** The word before a write's last id ({@code meetings} in {@code /partnership/meetings/{id}/hold}). */
	static String segmentBeforeLastId(String action) {
		int space = action.indexOf(' ');
		if (space < 0) {
			return null;
		}
		String[] segments = action.substring(space + 1).split("/");
		for (int i = segments.length - 1; i > 0; i--) {
			if (ID.matcher(segments[i]).matches()) {
				return segments[i - 1];
			}
		}
		// no id: the thing the write made (POST /partnership/meetings)
		return segments.length > 0 ? segments[segments.length - 1] : null;
	}

	private static String orElse(String text, String otherwise) {
		return text == null ? otherwise : text;
	}
}
