package org.zhizhi.points.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.FormErrors;

/**
 * A refusal as the pages say it: field problems in the form's words, and a step the state does not allow with the
 * state and the step named as people say them (points.state.*, points.step.*), not as the code does.
 */
@Component
class PointsProblems {

	private final MessageSource messages;

	PointsProblems(MessageSource messages) {
		this.messages = messages;
	}

	List<String> of(DomainException e) {
		return FormErrors.stepMessages(e, messages, "points.state.", "points.step.");
	}
}
