/**
 * People: households in dwellings and the residents who live in them, their tags and the new-employment ledgers —
 * the personal data of the platform, stored encrypted, shown masked, and read in full only on an audited action.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People")
package org.zhizhi.people;
