/**
 * The whistle: incidents from report to closure — intake, acceptance, triage (三事分流), the whistle and the claim,
 * each step an insert-only timeline entry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident")
package org.zhizhi.incident;
