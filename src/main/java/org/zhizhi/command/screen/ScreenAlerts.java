package org.zhizhi.command.screen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertView;
import org.zhizhi.command.EmergencyLifecycle;
import org.zhizhi.command.sentinel.Advice;
import org.zhizhi.command.sentinel.AlertCommands.CloseAlert;
import org.zhizhi.command.sentinel.AlertCommands.DismissAlert;
import org.zhizhi.command.sentinel.AlertCommands.HandleAlert;
import org.zhizhi.command.sentinel.AlertViews.AlertDetail;
import org.zhizhi.command.sentinel.Alerts;
import org.zhizhi.shared.Actor;

/**
 * 一键处置 from a risk alert on the screen: each button is a step of the sentinel's alerts desk ({@link Alerts}),
 * taken with the viewer's own rights — the same {@code AlertPolicy}, shape checks, versioned save (a second press is
 * refused naming the state it is in now), step history and audit as {@code /command/alerts/{id}}. The card offers
 * exactly the steps the policy allows him now among those below, shows 参谋's proposal with its reasons, and — for
 * those who lead emergency whistles — the whistle's form with the alert's grid ticked.
 */
@Service
public class ScreenAlerts {

	/** The steps the screen offers; 指派 (choosing a person) stays on the alert's page, one link away. */
	public static final List<AlertAction> OFFERED = List.of(AlertAction.ACKNOWLEDGE, AlertAction.HANDLE,
			AlertAction.CLOSE, AlertAction.DISMISS);

	private final Alerts alerts;

	private final MessageSource messages;

	private final Clock clock;

	ScreenAlerts(Alerts alerts, MessageSource messages, Clock clock) {
		this.alerts = alerts;
		this.messages = messages;
		this.clock = clock;
	}

	public AlertCard card(Actor viewer, UUID id) {
		return card(viewer, alerts.detail(viewer, id));
	}

	public AlertCard acknowledge(Actor viewer, UUID id) {
		alerts.acknowledge(viewer, id);
		return card(viewer, id);
	}

	public AlertCard handle(Actor viewer, UUID id, String note) {
		alerts.handle(viewer, id, new HandleAlert(note));
		return card(viewer, id);
	}

	public AlertCard close(Actor viewer, UUID id, String note) {
		alerts.close(viewer, id, new CloseAlert(note));
		return card(viewer, id);
	}

	public AlertCard dismiss(Actor viewer, UUID id, String reason) {
		alerts.dismiss(viewer, id, new DismissAlert(reason));
		return card(viewer, id);
	}

	private AlertCard card(Actor viewer, AlertDetail detail) {
		AlertView alert = detail.alert();
		Locale locale = LocaleContextHolder.getLocale();
		Advice advice = detail.advice();
		List<Proposed> units = advice.units().stream().map(p -> new Proposed(p.name(), p.reason(messages, locale)))
			.toList();
		List<Proposed> people = advice.people().stream().map(p -> new Proposed(p.name(), p.reason(messages, locale)))
			.toList();
		Instant now = clock.instant();
		return new AlertCard(alert, alert.late(now), OFFERED.stream().filter(alert.allowedActions()::contains).toList(),
				units, people, EmergencyLifecycle.leads(viewer) && alert.gridId() != null);
	}

	/**
	 * An alert as the screen's card shows it.
	 *
	 * @param actions the offered steps the policy allows the viewer now
	 * @param units 参谋's units, each with its reason in the viewer's words
	 * @param people 参谋's people on duty and nearby, each with its reason
	 * @param emergency whether the card offers the emergency whistle's form for the alert's grid
	 */
	public record AlertCard(AlertView alert, boolean late, List<AlertAction> actions, List<Proposed> units,
			List<Proposed> people, boolean emergency) {
	}

	/** Someone 参谋 proposes, and why. */
	public record Proposed(String name, String reason) {
	}
}
