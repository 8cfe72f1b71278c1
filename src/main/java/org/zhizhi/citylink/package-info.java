/**
 * Links to the city platform (141, 12345): a signed, retried feed of incident steps (and alerts) to the webhooks a
 * district subscribes, and the adapter that turns a city platform's work orders into incidents exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "City platform links")
package org.zhizhi.citylink;
