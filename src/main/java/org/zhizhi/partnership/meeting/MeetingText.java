package org.zhizhi.partnership.meeting;

import java.util.List;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/** The checks of free text in the joint activities' log: required or optional, stripped, and bounded. */
record MeetingText(String field, int max) {

	static final MeetingText TITLE = new MeetingText("title", 200);

	static final MeetingText PLACE = new MeetingText("place", 200);

	static final MeetingText NAME = new MeetingText("name", 100);

	static final MeetingText NOTE = new MeetingText("note", 2000);

	String required(String value) {
		String text = optional(value);
		if (text == null) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "validation.required")));
		}
		return text;
	}

	String optional(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw DomainException.invalid(List.of(new FieldProblem(field, "meeting.tooLong", max)));
		}
		return text;
	}

	MeetingText as(String otherField) {
		return new MeetingText(otherField, max);
	}

	static MeetingText of(String field, int max) {
		return new MeetingText(field, max);
	}
}
