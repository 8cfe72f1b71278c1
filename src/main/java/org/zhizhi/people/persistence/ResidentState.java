package org.zhizhi.people.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One resident's columns as stored: cipher text, hashes and masked copies instead of plain personal data. */
public record ResidentState(UUID id, UUID householdId, String name, String gender, LocalDate birthDate,
		byte[] idCardCipher, byte[] idCardHash, String idCardMasked, byte[] phoneCipher, byte[] phoneHash,
		String phoneMasked, String relation, List<String> tags, String newEmploymentKind, boolean active,
		UUID buildingId, UUID gridId, String scopePath, UUID districtId, int version) {
}
