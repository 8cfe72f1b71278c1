package org.zhizhi.incident;

/**
 * A kind of incident, grouped under a class of the GB/T 30428 event classes ({@code GBT30428}) or of the community
 * classes ({@code COMMUNITY}).
 */
public record IncidentCategory(String code, String name, String classCode, String className, String standard) {
}
