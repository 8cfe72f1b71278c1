package org.zhizhi.partnership.persistence;

import java.util.UUID;

/** A community's partnership board: its public code and where it sits, remembered with its first partnership record. */
public record Board(UUID communityId, String code, String name, String path, UUID districtId) {
}
