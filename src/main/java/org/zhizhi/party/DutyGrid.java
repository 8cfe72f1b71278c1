package org.zhizhi.party;

import java.util.UUID;

/** A grid a duty post covers, with its name as it was when the post was set up. */
public record DutyGrid(UUID id, String name) {
}
