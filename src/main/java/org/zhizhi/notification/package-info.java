/**
 * Tells people what they must do next: a message in the recipient's in-app inbox and, through an outbox drained at
 * least once, on every other channel (log today; SMS and WeChat adapters plug in as {@link
 * org.zhizhi.notification.NotificationChannel} beans).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.zhizhi.notification;
