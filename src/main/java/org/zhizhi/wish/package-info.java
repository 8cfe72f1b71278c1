/**
 * Micro-wishes (微心愿): 群众点单、社区派单、党员接单 — a resident's small wish vetted by the community, published on its wish
 * wall or dispatched, taken by members, volunteers or partner units, fulfilled with a photo and confirmed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wish")
package org.zhizhi.wish;
