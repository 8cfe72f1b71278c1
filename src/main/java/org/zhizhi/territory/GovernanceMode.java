package org.zhizhi.territory;

/** Who runs an estate under the party's lead (小区治理模式). */
public enum GovernanceMode {

	/** 党建+物业托管 */
	PROPERTY_MANAGED,
	/** 党建+社区直管 */
	COMMUNITY_RUN,
	/** 党建+居民自管 */
	SELF_GOVERNED,
	/** 党建+多方联管 */
	MULTI_PARTY
}
