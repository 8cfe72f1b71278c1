/**
 * Deliberation (议事): residents' matters raised, deliberated, decided by their households, carried out and judged —
 * 提事 → 议事 → 决事 → 执事 → 评事 — one household, one vote.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deliberation")
package org.zhizhi.deliberation;
