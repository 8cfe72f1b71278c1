/**
 * Incident KPIs (处置率, 结案率, 按期结案率, 满意率 ...) read from per-grid, per-day rollups that every step of an incident
 * keeps current, never from a scan of the incidents.
 */
package org.zhizhi.incident.kpi;
