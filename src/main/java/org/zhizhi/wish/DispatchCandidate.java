package org.zhizhi.wish;

import java.util.UUID;

/**
 * Someone the community may dispatch a wish to by name: a member's or liaison's account in the community, or an
 * in-service member registered with it (双报到) whose account sits elsewhere ({@code dualRegistered}).
 */
public record DispatchCandidate(UUID accountId, String name, boolean dualRegistered) {
}
