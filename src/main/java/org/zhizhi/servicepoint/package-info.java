/**
 * Services at the door (15分钟服务圈): service points with their rooms, rosters and services, room bookings for
 * activities, the walking-time coverage of every dwelling, and 便民代办 errands run for elders.
 */
package org.zhizhi.servicepoint;
