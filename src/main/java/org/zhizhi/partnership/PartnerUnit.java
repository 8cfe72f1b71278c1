package org.zhizhi.partnership;

import java.util.UUID;

/**
 * A partner unit (共建单位) of a community, with its own party organisation, address, position and contact.
 *
 * @param agreementSigned whether a signed agreement for the current year exists (a unit without one is flagged)
 */
public record PartnerUnit(UUID id, UUID communityId, String communityName, String name, PartnerType type,
		String partyOrgName, String address, Double lat, Double lng, String contactName, String contactPhone,
		boolean agreementSigned) {

	/** The same unit as lists show it: the contact's name and phone masked. */
	public PartnerUnit masked() {
		return new PartnerUnit(id, communityId, communityName, name, type, partyOrgName, address, lat, lng,
				maskName(contactName), maskPhone(contactPhone), agreementSigned);
	}

	static String maskName(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
	}

	static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
