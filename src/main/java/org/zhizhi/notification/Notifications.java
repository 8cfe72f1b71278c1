package org.zhizhi.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.notification.persistence.JdbcNotifications;
import org.zhizhi.notification.persistence.JdbcNotifications.Addressed;
import org.zhizhi.notification.persistence.JdbcNotifications.Pending;
import org.zhizhi.shared.Ids;

/**
 * Tells people what they must do: one inbox message per recipient and one outbox row per recipient and configured
 * channel ({@code zhizhi.notification.channels}, default {@code log}).
 */
@Service
public class Notifications {

	private final JdbcNotifications store;

	private final Clock clock;

	private final List<String> channels;

	Notifications(JdbcNotifications store, Clock clock, List<NotificationChannel> installed,
			NotificationProperties settings) {
		this.store = store;
		this.clock = clock;
		this.channels = settings.channels().stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
		Set<String> known = installed.stream().map(NotificationChannel::name).collect(Collectors.toSet());
		// a row for a channel nobody delivers would wait for ever: refuse to start instead
		List<String> unknown = this.channels.stream().filter(c -> !known.contains(c)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("zhizhi.notification.channels names " + unknown
					+ ", but the installed channels are " + known);
		}
	}

	/**
	 * Addresses the notice to each recipient once, however often he is named. It must run inside the caller's
	 * transaction ({@code MANDATORY}) and never in one of its own: a step that rolls back leaves no message behind,
	 * and a step that commits has committed its messages with it — nothing to lose in between.
	 *
	 * @return how many recipients were addressed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int notify(Collection<UUID> recipients, Notice notice) {
		return notify(recipients, notice, channels);
	}

	/**
	 * Addresses many notices at once, each to its recipients (each once), in the caller's transaction like
	 * {@link #notify(Collection, Notice)}: two statements for all of them — the notices of a group of reports written
	 * together.
	 *
	 * @return how many copies were addressed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int notifyAll(List<Addressing> addressed) {
		List<JdbcNotifications.Copies> notices = new ArrayList<>();
		List<Pending> outbox = new ArrayList<>();
		int copiesMade = 0;
		for (Addressing entry : addressed) {
			Set<UUID> distinct = new LinkedHashSet<>();
			entry.recipients().stream().filter(Objects::nonNull).forEach(distinct::add);
			List<Addressed> copies = new ArrayList<>();
			for (UUID recipient : distinct) {
				UUID messageId = Ids.newId(clock);
				copies.add(new Addressed(messageId, recipient));
				for (String channel : channels) {
					outbox.add(new Pending(Ids.newId(clock), messageId, channel));
				}
			}
			notices.add(new JdbcNotifications.Copies(Objects.requireNonNull(entry.notice(), "notice"), copies));
			copiesMade += copies.size();
		}
		store.insertAll(notices, outbox, clock.instant());
		return copiesMade;
	}

	/** A notice and the people it goes to. */
	public record Addressing(Notice notice, Collection<UUID> recipients) {
	}

	/**
	 * The thing a task notice was about has moved on: its open notices sent while it was in another state than
	 * {@code currentState} — and those of {@code settledKinds}, answered by a step that leaves the state as it was —
	 * are done, and read. Run by the owning module in the step's transaction; a second run changes nothing.
	 *
	 * @return how many messages were settled
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int settle(String subjectType, UUID subjectId, String currentState, Collection<String> settledKinds) {
		return store.settle(subjectType, subjectId, currentState, settledKinds, clock.instant());
	}

	/** The same, on the given channels instead of the configured ones; for tests of channels that are not installed. */
	@Transactional(propagation = Propagation.MANDATORY)
	int notify(Collection<UUID> recipients, Notice notice, List<String> onChannels) {
		Objects.requireNonNull(notice, "notice");
		Set<UUID> distinct = new LinkedHashSet<>();
		recipients.stream().filter(Objects::nonNull).forEach(distinct::add);
		if (distinct.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		List<Addressed> copies = new ArrayList<>();
		List<Pending> outbox = new ArrayList<>();
		for (UUID recipient : distinct) {
			UUID messageId = Ids.newId(clock);
			copies.add(new Addressed(messageId, recipient));
			for (String channel : onChannels) {
				outbox.add(new Pending(Ids.newId(clock), messageId, channel));
			}
		}
		store.insert(notice, copies, outbox, now);
		return distinct.size();
	}

	List<String> channels() {
		return channels;
	}
}
