/**
 * Partnership (共驻共建): partner units and their liaisons, yearly agreements, a community's three lists with two-way
 * claiming turned into public pledges, delivery and acceptance, contribution records, matching and the match rates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership")
package org.zhizhi.partnership;
