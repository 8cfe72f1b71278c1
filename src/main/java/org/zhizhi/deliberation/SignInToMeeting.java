package org.zhizhi.deliberation;

import org.zhizhi.shared.TextLength;

/**
 * Signing in at a meeting: a resident types the code shown on the organiser's phone (his household signs in); the
 * desk ticks an attendee by name (a department's officer, a firm, a resident without a phone).
 */
public record SignInToMeeting(@TextLength(max = 6, message = TopicInput.LENGTH) String code,
		@TextLength(max = 40, message = TopicInput.LENGTH) String name) {
}
