/**
 * Who may do what where: accounts bound to a node of the territory tree (their data scope), roles, sign-in with lockout,
 * API tokens, and the append-only audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.zhizhi.identity;
