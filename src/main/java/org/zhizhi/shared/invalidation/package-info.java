/**
 * What one node keeps in memory and another node may change: a change is announced to every node through PostgreSQL
 * ({@code NOTIFY} on commit), and each node forgets what it remembered of it.
 */
@org.springframework.modulith.NamedInterface("invalidation")
package org.zhizhi.shared.invalidation;
