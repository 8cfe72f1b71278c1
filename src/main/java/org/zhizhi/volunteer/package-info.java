/**
 * 志愿服务: volunteer teams of a place with their members, activities with sign-up and a waiting list, check-in and
 * check-out on the spot with the organiser's rotating code, and service hours approved by the organiser, locked, and
 * corrected only on a request with its reason (民政部令第67号《志愿服务记录与证明出具办法》: 谁组织谁记录、谁记录谁证明).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteer")
package org.zhizhi.volunteer;
