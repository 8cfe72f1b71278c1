package org.zhizhi.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.WaitingWork;

/**
 * What an emergency whistle leaves waiting, always first in line: the person called has not answered, or said he is
 * coming and has not checked in; the leader has a whistle still calling, to watch and stand down.
 */
@Service
@Transactional(readOnly = true)
class EmergencyWaitingWork implements WaitingWork {

	private final EmergencyWhistles whistles;

	private final MessageSource messages;

	EmergencyWaitingWork(EmergencyWhistles whistles, MessageSource messages) {
		this.whistles = whistles;
		this.messages = messages;
	}

	@Override
	public List<Waiting> waitingFor(Actor actor, Instant now, int limit) {
		List<Waiting> found = new ArrayList<>();
		List<EmergencyView> answering = whistles.mine(actor)
			.stream()
			.filter(w -> !w.allowedAnswers().isEmpty())
			.toList();
		if (!answering.isEmpty()) {
			found.add(new Waiting("workbench.emergency.toAnswer", answering.size(), "/m/emergency", answering.stream()
				.limit(limit)
				.map(w -> item(w, "/m/emergency/" + w.id(), w.myAnswer() == AnswerState.COMING
						? "workbench.action.checkInOnSite" : "workbench.action.answer"))
				.toList()));
		}
		if (actor.hasAny(EmergencyLifecycle.LEADERS)) {
			List<EmergencyView> calling = whistles.ofScope(actor, 0)
				.stream()
				.filter(w -> w.state() == EmergencyState.CALLING)
				.toList();
			if (!calling.isEmpty()) {
				found.add(new Waiting("workbench.emergency.calling", calling.size(), "/command/emergency", calling
					.stream()
					.limit(limit)
					.map(w -> item(w, "/command/emergency/" + w.id(), "workbench.action.watch"))
					.toList()));
			}
		}
		return found;
	}

	private Item item(EmergencyView w, String href, String action) {
		String kind = messages.getMessage("command.emergencyKind." + w.kind(), null, Locale.SIMPLIFIED_CHINESE);
		return new Item("【" + kind + "】" + w.title(), String.join("、", w.area().stream()
			.map(EmergencyWhistle.AreaGrid::name)
			.toList()), w.blownAt(), null, true, href, action);
	}
}
