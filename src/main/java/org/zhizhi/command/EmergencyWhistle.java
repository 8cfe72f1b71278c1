package org.zhizhi.command;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * An emergency whistle (应急哨): what happened, over which grids, which forces were called, by whom and when — what
 * does not change — and whether it is still calling. Each person's answer is an {@link EmergencyCallee} of its own.
 */
public final class EmergencyWhistle extends AggregateRoot<EmergencyEvent> {

	/** One grid of the area, named as it was when the whistle was blown. */
	public record AreaGrid(UUID gridId, String name, String path) {
	}

	/**
	 * What the whistle is about and whom it called: fixed once blown. {@code drawnArea} is the polygon the leader drew
	 * (GeoJSON), if he drew one; {@code area} the grids it came to, with those he ticked.
	 */
	public record Terms(EmergencyKind kind, String title, String details, List<AreaGrid> area,
			Set<EmergencyForce> forces, UUID incidentId, String scopePath, UUID districtId, UUID blownBy,
			String blownByName, Instant blownAt, String drawnArea) {

		public Terms {
			area = List.copyOf(area);
			// in the enum's order, as the form lists them
			forces = forces.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(forces));
		}
	}

	private final UUID id;

	private final Terms terms;

	private EmergencyState state;

	private Instant stoodDownAt;

	private String summary;

	public EmergencyWhistle(UUID id, Terms terms, EmergencyState state, Instant stoodDownAt, String summary,
			int version) {
		super(version);
		this.id = id;
		this.terms = terms;
		this.state = state;
		this.stoodDownAt = stoodDownAt;
		this.summary = summary;
	}

	/** Blows the whistle; {@code called} people are told at once by the facade. */
	public static EmergencyWhistle blow(UUID id, Terms terms, int called) {
		EmergencyWhistle whistle = new EmergencyWhistle(id, terms, EmergencyState.CALLING, null, null, 0);
		whistle.register(new EmergencyEvent.EmergencyWhistleBlown(id, terms.kind(), terms.title(), called,
				terms.scopePath(), terms.blownAt()));
		return whistle;
	}

	/** Ends the call with what happened: who came, what was done — the record the report is made of. */
	public void standDown(String summary, Instant at) {
		state = EmergencyLifecycle.WHISTLE.next(state, EmergencyAction.STAND_DOWN);
		this.summary = summary;
		stoodDownAt = at;
		register(new EmergencyEvent.EmergencyStoodDown(id, terms.scopePath(), at));
	}

	public boolean calling() {
		return state == EmergencyState.CALLING;
	}

	public UUID id() {
		return id;
	}

	public Terms terms() {
		return terms;
	}

	public EmergencyState state() {
		return state;
	}

	public Instant stoodDownAt() {
		return stoodDownAt;
	}

	public String summary() {
		return summary;
	}
}
