package org.zhizhi.deliberation;

import java.time.Instant;

/** Someone who signed in at a meeting: a household by its dwelling (with the code), or a name the desk ticked. */
public record MeetingAttendee(String name, boolean household, String how, Instant signedAt) {
}
