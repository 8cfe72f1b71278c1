/**
 * Long work started from a page — an import's check, a big export — run in the background with its progress kept,
 * so that whoever started it can leave and come back to {@code /jobs/{id}}; every module may start one.
 */
@org.springframework.modulith.NamedInterface("jobs")
package org.zhizhi.shared.jobs;
