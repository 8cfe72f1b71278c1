/**
 * Incident KPIs (处置率, 结案率, 按期结案率, 满意率 ...) read from per-grid, per-day rollups that every step of an incident
 * keeps current, never from a scan of the incidents. Exposed to other modules so that a page that shows these figures
 * elsewhere (the command centre's screen) asks the very queries the KPI page asks.
 */
@org.springframework.modulith.NamedInterface("kpi")
package org.zhizhi.incident.kpi;
