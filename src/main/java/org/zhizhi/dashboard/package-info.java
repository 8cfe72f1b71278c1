/**
 * The workbench every user lands on — the counts of his scope — and the page shell around every page; later the
 * command centre's screen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.zhizhi.dashboard;
