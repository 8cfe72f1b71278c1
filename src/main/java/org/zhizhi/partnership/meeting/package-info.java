/**
 * The "4" and the "X" of 1+4+X: a community's joint meetings with its partner units (年初双向认领会, 季度协商议事会,
 * 半年工作推进会, 年终总结表彰会) with agenda, attendance, minutes and decisions, and its joint activities (四同).
 */
@org.springframework.modulith.NamedInterface("meeting")
package org.zhizhi.partnership.meeting;
