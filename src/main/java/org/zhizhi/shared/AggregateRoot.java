package org.zhizhi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every aggregate has beside its own fields: the past-tense events its methods register while they change it,
 * and the version its repository saves against ({@code UPDATE … WHERE id = ? AND version = ?}: no row means someone
 * else changed it first). The repository publishes the events after a successful save, in the same transaction, and
 * clears them. Free of Spring, like the aggregates themselves.
 */
public abstract class AggregateRoot<E> {

	private final List<E> events = new ArrayList<>();

	private int version;

	protected AggregateRoot(int version) {
		this.version = version;
	}

	/** Registers an event to be published when the aggregate is saved; answers it, for chaining. */
	protected final <T extends E> T register(T event) {
		events.add(event);
		return event;
	}

	/** The events registered since the aggregate was loaded or last saved, oldest first. */
	public final List<E> events() {
		return List.copyOf(events);
	}

	/** Forgets the registered events unpublished (imported history is told to nobody). */
	public final void clearEvents() {
		events.clear();
	}

	/**
	 * Hands the registered events, oldest first, to {@code publish} and forgets them, so that each is published once;
	 * the repository calls it after a successful save.
	 */
	public final void publishEvents(Consumer<? super E> publish) {
		List<E> registered = List.copyOf(events);
		events.clear();
		registered.forEach(publish);
	}

	/** The version this copy was loaded with; the save applies only if the stored row still has it. */
	public final int version() {
		return version;
	}

	/** Called by the repository after a successful save. */
	public final void saved() {
		version++;
	}
}
