package org.zhizhi.partnership;

/** What kind of organisation a partner unit is. */
public enum PartnerType {
	SCHOOL, ENTERPRISE, STATE_OWNED_ENTERPRISE, GOVERNMENT_AGENCY, HOSPITAL, PROPERTY_COMPANY, SOCIAL_ORGANISATION,
	OTHER
}
