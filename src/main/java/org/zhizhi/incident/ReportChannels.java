package org.zhizhi.incident;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;

/**
 * Which channel a report may name: the channel follows from who reports and how, because the figures by channel
 * (how much the patrols find, how much the hotline brings) are only worth something if nobody can choose his own.
 * Staff record what reached them on patrol, by the hotline (微孝热线), the 12345 hand-over, a residents' group chat
 * (圈群上报) or a meeting — or report through the app like anyone; everyone else reports through the residents' app or,
 * riding, through 随手报. An Open311 request comes only through the open311 module, never as a channel someone names.
 */
final class ReportChannels {

	/** The channels only staff record: each says that a person of the platform took the report in. */
	static final Set<Channel> STAFF_ONLY = EnumSet.of(Channel.PATROL, Channel.HOTLINE, Channel.HOTLINE_12345,
			Channel.GROUP_CHAT, Channel.MEETING);

	/** The channels anyone reports through. */
	static final Set<Channel> ANYONE = EnumSet.of(Channel.RESIDENT_APP, Channel.RIDER);

	private ReportChannels() {
	}

	/** Whether the person may name the channel; an absent channel is for the shape check to name. */
	static boolean allows(Actor actor, Channel channel) {
		if (channel == null || ANYONE.contains(channel)) {
			return true;
		}
		return STAFF_ONLY.contains(channel) && actor.hasAny(IncidentLifecycle.DISPATCHERS);
	}
}
