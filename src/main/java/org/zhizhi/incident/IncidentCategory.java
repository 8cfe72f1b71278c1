package org.zhizhi.incident;

/**
 * A kind of incident, grouped under a class of the GB/T 30428 event classes ({@code GBT30428}) or of the community
 * classes ({@code COMMUNITY}). {@code published}: whether its incidents may be shown to the public at all (not a
 * household's own affairs: 独居老人求助, 矛盾纠纷 …); {@code exactPosition}: whether the public sees the exact point
 * (the spot is the thing: a manhole, a pothole) rather than one rounded to about 100 m.
 */
public record IncidentCategory(String code, String name, String classCode, String className, String standard,
		boolean published, boolean exactPosition) {
}
