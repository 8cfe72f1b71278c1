package org.zhizhi.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default channel: writes one line per message to the log. The body stays out of it, since it may describe a
 * resident's request; the recipient appears by account id only.
 */
@Component
class LogChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

	@Override
	public String name() {
		return "log";
	}

	@Override
	public void deliver(OutboxMessage message) {
		log.info("Notification {} ({}) to account {}: {} [{}]", message.messageId(), message.kind(),
				message.recipientId(), message.title(), message.link());
	}
}
