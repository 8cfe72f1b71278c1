package org.zhizhi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhizhi.shared.Actor;

/**
 * Which channel a report may name: the channel follows from who reports and how, because the figures by channel
 * (how much the patrols find, how much the hotline brings) are only worth something if nobody can choose his own.
 * Staff record what reached them on patrol, by the hotline (微孝热线), the 12345 hand-over, a residents' group chat
 * (圈群上报) or a meeting — or report through the app like anyone; everyone else reports through the residents' app or,
 * riding, through 随手报. An Open311 request comes only through the open311 module, never as a channel someone names.
 */
public final class ReportChannels {

	/**
	 * The channels only staff record, each saying that a person of the platform took the report in — in the order
	 * the report page offers them, their own patrol first.
	 */
	private static final List<Channel> STAFF_OFFER = List.of(Channel.PATROL, Channel.HOTLINE, Channel.HOTLINE_12345,
			Channel.GROUP_CHAT, Channel.MEETING);

	static final Set<Channel> STAFF_ONLY = EnumSet.copyOf(STAFF_OFFER);

	/** The channels anyone reports through. */
	static final Set<Channel> ANYONE = EnumSet.of(Channel.RESIDENT_APP, Channel.RIDER);

	private ReportChannels() {
	}

	/**
	 * The channels a person records a report through on the report page, the first being his default: staff their
	 * own patrol first, then the hotline, 12345, a group chat or a meeting; everyone else only the residents' app.
	 */
	public static List<Channel> offeredTo(Actor actor) {
		if (actor.hasAny(IncidentLifecycle.DISPATCHERS)) {
			return STAFF_OFFER;
		}
		return List.of(Channel.RESIDENT_APP);
	}

	/** The channel a report from the page is recorded under: the one chosen if offered, else the default. */
	public static Channel chosenBy(Actor actor, Channel requested) {
		List<Channel> offered = offeredTo(actor);
		return requested != null && offered.contains(requested) ? requested : offered.getFirst();
	}

	/** Whether the person may name the channel; an absent channel is for the shape check to name. */
	static boolean allows(Actor actor, Channel channel) {
		if (channel == null || ANYONE.contains(channel)) {
			return true;
		}
		return STAFF_ONLY.contains(channel) && actor.hasAny(IncidentLifecycle.DISPATCHERS);
	}
}
