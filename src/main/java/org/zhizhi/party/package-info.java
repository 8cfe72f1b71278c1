/**
 * Party: the party organisations of the district as a tree attached to the places they serve, their members and the
 * hub households, and the five-level chain that shows how the party reaches each building of an estate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party")
package org.zhizhi.party;
