package org.zhizhi.notification;

/**
 * A way to reach people outside the platform (the log today; SMS or WeChat adapters later): a Spring bean whose
 * {@link #name()} appears in {@code zhizhi.notification.channels}. The dispatcher calls {@link #deliver} at least once
 * per outbox row — again after a failure, and again after a crash that came between delivering and recording the
 * delivery — so an adapter that must not repeat itself deduplicates on {@link OutboxMessage#id()}.
 */
public interface NotificationChannel {

	/** Lower-case letters, digits and hyphens; the value of the outbox row's {@code channel} column. */
	String name();

	/** Delivers or throws; any exception schedules another attempt with a longer wait. */
	void deliver(OutboxMessage message) throws Exception;
}
