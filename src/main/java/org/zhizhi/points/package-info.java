/**
 * 积分: the points schemes of a place — 党员积分, the virtue bank (道德积分银行: 修身、润家、睦邻、怡城), 先锋骑士积分 — with
 * their rules as versioned data; one insert-only double-entry ledger for all of them; points earned from what happens
 * elsewhere (a wish fulfilled, an incident resolved, a rider's report confirmed) and from vetted claims after their
 * public notice (公示); redemption at sponsors with held points and the code the person shows; boards.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points")
package org.zhizhi.points;
