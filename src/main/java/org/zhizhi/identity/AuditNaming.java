package org.zhizhi.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.zhizhi.identity.AuditPhrases.Subject;
import org.zhizhi.identity.AuditTrail.Named;
import org.zhizhi.identity.persistence.JdbcAuditEntries;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.ObjectNames;
import org.zhizhi.shared.ObjectNames.ObjectName;

/**
 * Puts names on the audit trail. When a write is recorded: what its object is called then (asked of every module's
 * {@link ObjectNames} — identity knows none of them) and the text the form named, kept with the entry, so that the
 * trail says what things were called when they were done. When a page is read: the sentence of each entry, and for
 * entries written before (no names kept) the names as they are now — one question per module for the whole page.
 */
@Service
public class AuditNaming {

	private static final Logger log = LoggerFactory.getLogger(AuditNaming.class);

	/** The phrases' own language decides which form fields are kept; both bundles quote the same ones (tested). */
	private static final Locale WRITTEN_IN = Locale.SIMPLIFIED_CHINESE;

	private static final int QUOTE_LENGTH = 60;

	private static final String SYSTEM = "system";

	private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

	private final ObjectProvider<ObjectNames> namers;

	private final JdbcAuditEntries entries;

	private final MessageSource messages;

	AuditNaming(ObjectProvider<ObjectNames> namers, JdbcAuditEntries entries, MessageSource messages) {
		this.namers = namers;
		this.entries = entries;
		this.messages = messages;
	}

	public AuditPhrases phrases(Locale locale) {
		UnaryOperator<String> words = key -> messages.getMessage(key, null, null, locale);
		return new AuditPhrases(words);
	}

	/**
	 * The object of a write by name, and the text its form named (only the fields its phrase quotes, cut short). Never
	 * fails the write's entry: a namer that breaks leaves the entry without the name.
	 */
	Named forWrite(Actor actor, String action, String objectId, UnaryOperator<String> formField) {
		ObjectName object = null;
		UUID id = uuid(objectId);
		if (actor != null && id != null) {
			try {
				object = names(Set.of(id), actor.scope()).get(id);
			}
			catch (RuntimeException e) {
				log.warn("the object {} of {} could not be named for the audit trail", id, action, e);
			}
		}
		String quoted = null;
		for (String field : phrases(WRITTEN_IN).quotedParameters(action)) {
			String value = formField.apply(field);
			if (value != null && !value.isBlank()) {
				quoted = shortened(value.strip());
				break;
			}
		}
		if (object == null && quoted == null) {
			return null;
		}
		return new Named(object == null ? null : object.kind(), object == null ? null : object.name(), quoted);
	}

	/**
	 * The page's entries in words. Entries written without names are named now, within the reader's scope: one query
	 * for the accounts and one per module for the objects, whatever the page holds.
	 */
	public List<AuditLine> lines(List<AuditEntry> page, DataScope scope, Locale locale) {
		Set<UUID> unnamedActors = new HashSet<>();
		Set<UUID> unnamedObjects = new HashSet<>();
		for (AuditEntry e : page) {
			if (e.actorName() == null && e.actorId() != null) {
				unnamedActors.add(e.actorId());
			}
			UUID object = uuid(e.objectId());
			if (e.objectName() == null && object != null) {
				unnamedObjects.add(object);
			}
		}
		Map<UUID, String> people = entries.accountNames(unnamedActors);
		Map<UUID, ObjectName> objects = names(unnamedObjects, scope);
		AuditPhrases phrases = phrases(locale);
		List<AuditLine> lines = new ArrayList<>(page.size());
		for (AuditEntry e : page) {
			String person = Optional.ofNullable(e.actorName())
				.or(() -> Optional.ofNullable(e.actorId()).map(people::get))
				.orElse(e.username() == null ? messages.getMessage("audit.nobody", null, locale)
						// the platform's own writes (the accounts of the first start) are signed "system"
						: e.actorId() == null && SYSTEM.equals(e.username())
								? messages.getMessage("audit.system", null, locale) : e.username());
			ObjectName now = e.objectName() == null ? objects.get(uuid(e.objectId())) : null;
			Subject subject = new Subject(now == null ? e.objectKind() : now.kind(),
					now == null ? e.objectName() : now.name(), e.objectId(), e.subject());
			String personTitle = e.username() == null ? null : e.username();
			lines.add(new AuditLine(e, phrases.sentence(person, personTitle, e.action(), subject),
					detail(e.detail(), locale)));
		}
		return lines;
	}

	/** A write's HTTP status in words; other details (why a sign-in failed …) as written. */
	private String detail(String detail, Locale locale) {
		if (detail == null) {
			return null;
		}
		var status = HTTP_STATUS.matcher(detail);
		if (status.matches()) {
			String code = status.group(1);
			return messages.getMessage("auditDetail.http." + code, null,
					messages.getMessage("auditDetail.http." + code.charAt(0) + "xx", new Object[] { code }, detail,
							locale),
					locale);
		}
		return detail;
	}

	private Map<UUID, ObjectName> names(Set<UUID> ids, DataScope scope) {
		Map<UUID, ObjectName> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		for (ObjectNames namer : namers.orderedStream().toList()) {
			Set<UUID> left = new HashSet<>(ids);
			left.removeAll(found.keySet());
			if (left.isEmpty()) {
				break;
			}
			found.putAll(namer.namesOf(left, scope));
		}
		return found;
	}

	private static String shortened(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return oneLine.length() <= QUOTE_LENGTH ? oneLine : oneLine.substring(0, QUOTE_LENGTH - 1) + "…";
	}

	private static UUID uuid(String text) {
		if (text == null || text.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
