/**
 * Partnership: partner units that co-build with a community, and the 1+4+X mechanism of joint meetings and activities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership")
package org.zhizhi.partnership;
