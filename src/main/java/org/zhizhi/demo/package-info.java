/**
 * The deterministic demo district built from the seeds' own communities and figures, loaded on the first start in demo
 * mode so that a newcomer sees a living platform at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo district")
package org.zhizhi.demo;
