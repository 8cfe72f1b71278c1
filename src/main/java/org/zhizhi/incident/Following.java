package org.zhizhi.incident;

import java.util.UUID;

/**
 * The answer to joining an incident (我也遇到): how many people now follow it, and whether this call added the caller
 * ({@code false} when he already followed it: joining twice is harmless).
 */
public record Following(UUID incidentId, int followers, boolean joinedNow) {
}
