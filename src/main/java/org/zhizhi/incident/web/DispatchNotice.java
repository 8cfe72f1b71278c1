package org.zhizhi.incident.web;

import java.util.List;

import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentDetail;
import org.zhizhi.incident.IncidentPart;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.OwnerKind;
import org.zhizhi.incident.TimelineDetail;
import org.zhizhi.incident.TimelineEntry;
import org.zhizhi.incident.WhistleType;

/**
 * The notice after a whistle or an assignment, told from what the step did — the whistle's type, and whom the order
 * went to: the open call, a member by name or by turn, a unit, or a tough whistle's lead unit and co-units. One fixed
 * sentence for every mode told the dispatcher "waiting for a member" after he had sent the order to a unit.
 */
final class DispatchNotice {

	private DispatchNotice() {
	}

	/** The notice for the incident as the step left it; {@code whistled}: the step blew the whistle (else: assigned). */
	static String text(IncidentDetail after, boolean whistled, IncidentPages pages) {
		IncidentView incident = after.incident();
		String done = whistled && incident.whistleType() != null
				? pages.text("incident.dispatched.whistle", pages.text("whistleType." + incident.whistleType()))
				: pages.text("incident.dispatched.assign");
		if (incident.ownerKind() == OwnerKind.UNIT) {
			if (incident.whistleType() != WhistleType.TOUGH) {
				return pages.text("incident.dispatched.unit", done, assignedTo(after));
			}
			List<String> coUnits = after.parts().stream().filter(p -> !p.lead()).map(IncidentPart::unitName).toList();
			return coUnits.isEmpty() ? pages.text("incident.dispatched.lead", done, assignedTo(after))
					: pages.text("incident.dispatched.leadAndCoUnits", done, assignedTo(after),
							String.join(pages.text("incident.dispatched.separator"), coUnits));
		}
		if (incident.ownerKind() == OwnerKind.MEMBER) {
			return pages.text(incident.dispatchMode() == DispatchMode.ROUND_ROBIN ? "incident.dispatched.roundRobin"
					: "incident.dispatched.member", done, assignedTo(after));
		}
		return pages.text("incident.dispatched.openCall", done);
	}

	/** Whom the latest assignment named, as its timeline entry recorded it. */
	private static String assignedTo(IncidentDetail after) {
		List<TimelineEntry> timeline = after.timeline();
		for (int i = timeline.size() - 1; i >= 0; i--) {
			if (timeline.get(i).payload() instanceof TimelineDetail.Assigned assigned) {
				return assigned.to();
			}
		}
		return "";
	}
}
