/**
 * The shared kernel: ids, the data scope, the acting user and the problem-details rendering that every module uses —
 * no business logic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.zhizhi.shared;
