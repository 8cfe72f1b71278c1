package org.zhizhi.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.zhizhi.incident.AssignIncident;
import org.zhizhi.incident.CoUnitTask;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.WhistleType;

/**
 * The dispatch choice of the desk's whistle and assign forms as typed — open call, a member, a unit (the lead unit of a
 * tough whistle, with up to {@link #CO_UNIT_ROWS} co-units each with its task) or round-robin — and its translation
 * into the domain's command, and of the domain's field problems back to the form's fields.
 */
record DispatchForm(WhistleType type, String dispatch, UUID assigneeId, UUID unitId, String task,
		List<CoUnitRow> coUnits, String note) {

	/** How many co-units the form offers: a tough whistle's lead unit rarely needs more than three at its side. */
	static final int CO_UNIT_ROWS = 3;

	/** One co-unit row of the form; a row left empty is not sent. */
	record CoUnitRow(UUID unitId, String task) {
	}

	/** The form as posted: the co-unit rows padded to {@link #CO_UNIT_ROWS} even when their fields were not sent. */
	static DispatchForm posted(WhistleType type, String dispatch, UUID assigneeId, UUID unitId, String task,
			List<String> coUnit, List<String> coTask, String note) {
		return new DispatchForm(type, dispatch, assigneeId, unitId, task, rows(coUnit, coTask), note);
	}

	static DispatchForm empty() {
		return posted(null, "", null, null, "", null, null, "");
	}

	/** What is dispatched: a tough whistle is always its lead unit's, whatever the radio said. */
	String choice() {
		return type == WhistleType.TOUGH ? "UNIT" : dispatch;
	}

	/**
	 * The form's choice as the domain's command. The member or unit not chosen is not sent, so that a value left in
	 * the hidden select does not count; empty co-unit rows are not sent either.
	 */
	AssignIncident command(boolean assigning) {
		String choice = choice();
		DispatchMode mode = switch (choice) {
			case "MEMBER", "UNIT" -> DispatchMode.ASSIGN;
			case "ROUND_ROBIN" -> DispatchMode.ROUND_ROBIN;
			case "OPEN_CALL" -> DispatchMode.OPEN_CALL;
			default -> null;
		};
		if (assigning && mode == null) {
			// assign offers no open call; nothing chosen is the same mistake as an open call there
			return new AssignIncident(DispatchMode.OPEN_CALL, null, null, null, List.of(), note, null, null);
		}
		boolean unit = "UNIT".equals(choice);
		List<CoUnitTask> sent = new ArrayList<>();
		if (unit) {
			for (int row : sentRows()) {
				sent.add(new CoUnitTask(coUnits.get(row).unitId(), coUnits.get(row).task()));
			}
		}
		return new AssignIncident(mode, "MEMBER".equals(choice) ? assigneeId : null, unit ? unitId : null,
				unit ? task : null, sent, note, null, null);
	}

	/**
	 * Where the form shows a field problem of the command: "one target, not both" beside the select the user chose
	 * (not the one hidden from him), and the domain's {@code coUnits[n]} — the n-th row sent — beside the row it came
	 * from.
	 */
	UnaryOperator<String> fieldOf() {
		String choice = choice();
		List<Integer> sentRows = "UNIT".equals(choice) ? sentRows() : List.of();
		return field -> {
			if ("UNIT".equals(choice) && "assigneeId".equals(field)) {
				return "unitId";
			}
			if ("MEMBER".equals(choice) && "unitId".equals(field)) {
				return "assigneeId";
			}
			for (int sent = 0; sent < sentRows.size(); sent++) {
				String prefix = "coUnits[" + sent + "]";
				if (field.equals(prefix) || field.startsWith(prefix + ".")) {
					return "coUnits[" + sentRows.get(sent) + "]" + field.substring(prefix.length());
				}
			}
			return field;
		};
	}

	/** The places in the form of the co-unit rows that were filled in. */
	private List<Integer> sentRows() {
		List<Integer> sent = new ArrayList<>();
		for (int i = 0; i < coUnits.size(); i++) {
			CoUnitRow row = coUnits.get(i);
			if (row.unitId() != null || !row.task().isBlank()) {
				sent.add(i);
			}
		}
		return sent;
	}

	private static List<CoUnitRow> rows(List<String> units, List<String> tasks) {
		List<CoUnitRow> rows = new ArrayList<>();
		for (int i = 0; i < CO_UNIT_ROWS; i++) {
			String unit = units != null && i < units.size() ? units.get(i) : "";
			String task = tasks != null && i < tasks.size() ? tasks.get(i) : "";
			UUID id = null;
			try {
				id = unit == null || unit.isBlank() ? null : UUID.fromString(unit.strip());
			}
			catch (IllegalArgumentException e) {
				// not one of the form's options: sent as no unit, which the domain names beside the row
			}
			rows.add(new CoUnitRow(id, task == null ? "" : task));
		}
		return rows;
	}
}
