package org.zhizhi.territory;

/** An entrance with the number of its dwellings in the caller's scope. */
public record EntranceOverview(Entrance entrance, long dwellings) {
}
