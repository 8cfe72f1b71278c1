package org.zhizhi.territory;

import java.util.UUID;

/** One grid an estate spans, with how many of the estate's buildings and dwellings lie in it. */
public record GridShare(UUID gridId, String gridName, long buildings, long dwellings) {
}
