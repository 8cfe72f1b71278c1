/**
 * 物业监管: property companies with their estates, 红色管家 and owners' committees, evaluated against criteria
 * templates (三强三好) by monthly inspections, quarterly assessments and yearly ratings, their findings rectified
 * through the whistle loop.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Property")
package org.zhizhi.property;
