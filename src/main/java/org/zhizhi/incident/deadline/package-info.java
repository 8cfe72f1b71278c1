/**
 * When an incident's steps fall due: the working calendar (office hours, public holidays, 调休 days) and the deadline
 * policy per whistle type and category, both driven by configuration.
 */
package org.zhizhi.incident.deadline;
