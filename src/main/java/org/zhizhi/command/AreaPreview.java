package org.zhizhi.command;

import java.util.List;

/**
 * What a whistle over an area would reach, shown on the form before it is blown: the grids the area comes to, and for
 * each force how many people it would call and tell ({@code called}) and how many of its posts' people have no account
 * to be told on ({@code unreachable}).
 */
public record AreaPreview(List<String> grids, List<ForceCount> forces) {

	public record ForceCount(EmergencyForce force, int called, int unreachable) {
	}
}
