package org.zhizhi.shared;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a module calls its own objects, for the audit trail: given ids (of any module — ids are UUIDv7 and unique
 * across the platform), it answers the ones it owns with their kind and their name, in one query per call, and only
 * those inside the asker's scope. The audit trail asks every module once per write (and once per page of old entries)
 * and so reads "在 2026年度第二季度协商议事会 上" instead of an id — without knowing any module. A name is what the
 * desk shows for the object (a meeting's title, a unit's name), never a person's personal data.
 */
public interface ObjectNames {

	/** The ids this module owns, named; the others are left out. */
	Map<UUID, ObjectName> namesOf(Set<UUID> ids, DataScope scope);

	/**
	 * An object's name and kind; the kind is a message key suffix ({@code auditObject.<kind>}: 联席会议, 需求 …).
	 */
	record ObjectName(String kind, String name) {
	}
}
