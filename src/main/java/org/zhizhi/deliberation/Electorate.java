package org.zhizhi.deliberation;

import java.math.BigDecimal;

/**
 * The households concerned by a topic as they were when its vote opened — frozen then, so that a household moving in
 * or out during the vote changes no denominator: how many, how many own their dwelling, and the owners' floor area
 * (from the dwellings register; a dwelling without a recorded area counts 0 m²).
 */
public record Electorate(long households, long owners, BigDecimal ownerArea) {

	public Electorate {
		if (households < 0 || owners < 0 || owners > households || ownerArea.signum() < 0) {
			throw new IllegalArgumentException("an electorate of " + households + " households, " + owners
					+ " owners and " + ownerArea + " m²");
		}
	}
}
