package org.zhizhi.partnership;

/** The three lists (三张清单): needs 需求清单, resources 资源清单, projects/services 项目清单. */
public enum ItemKind {
	NEED, RESOURCE, PROJECT;

	/** Needs and projects are claimed by partner units; resources (offered by a unit) are claimed by the community. */
	public boolean claimedByPartners() {
		return this != RESOURCE;
	}
}
