package org.zhizhi.open311;

import java.util.UUID;

/**
 * A program that reports through Open311 under an api_key: its name, and the org unit whose grids it may report into.
 * Its id is also the user id its incidents carry as reporter.
 */
public record Open311Client(UUID id, String name, UUID jurisdictionId) {
}
