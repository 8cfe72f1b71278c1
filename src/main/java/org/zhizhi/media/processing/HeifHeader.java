package org.zhizhi.media.processing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sizes a HEIF file declares for its images, read from the {@code ispe} (image spatial extents) properties in
 * {@code meta/iprp/ipco} without decoding anything: HEIF requires one for every image item, and they sit in the first
 * few kilobytes, so checking them costs a walk over a handful of box headers. A grid image (as iPhones write: 512 px
 * tiles) declares its full size on the grid item, the tiles their own; thumbnails and depth maps declare theirs too.
 * The check that uses this refuses if any of them is too large, which is stricter than looking at the primary image
 * only and needs no item bookkeeping.
 */
public record HeifHeader(List<Extent> images) {

	record Extent(long width, long height) {

		long pixels() {
			return width * height;
		}
	}

	/** Box nesting we follow, and how many boxes we look at, so a hostile file cannot make us loop. */
	private static final int MAX_DEPTH = 3;

	private static final int MAX_BOXES = 10_000;

	public static HeifHeader of(byte[] file) {
		List<Extent> found = new ArrayList<>();
		try {
			walk(file, 0, file.length, 0, found, new int[1]);
		}
		catch (IndexOutOfBoundsException ex) {
			// a truncated header: what was found so far stands, and an empty list reads as unreadable
		}
		return new HeifHeader(List.copyOf(found));
	}

	public long largestPixels() {
		return images.stream().mapToLong(Extent::pixels).max().orElse(0);
	}

	public boolean declaresAnyImage() {
		return !images.isEmpty();
	}

	private static void walk(byte[] b, int from, int to, int depth, List<Extent> found, int[] seen) {
		int at = from;
		while (at + 8 <= to && seen[0]++ < MAX_BOXES) {
			long size = u32(b, at);
			String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
			int header = 8;
			if (size == 1) {
				size = (u32(b, at + 8) << 32) | u32(b, at + 12);
				header = 16;
			}
			else if (size == 0) {
				size = to - at; // the box runs to the end of its parent
			}
			if (size < header || size > to - at) {
				return;
			}
			int end = at + (int) size;
			switch (type) {
				// meta is a full box: version and flags come before its children
				case "meta" -> descend(b, at + header + 4, end, depth, found, seen);
				case "iprp", "ipco" -> descend(b, at + header, end, depth, found, seen);
				// ispe is a full box too: version and flags, then width and height as 32-bit numbers
				case "ispe" -> found.add(new Extent(u32(b, at + header + 4), u32(b, at + header + 8)));
				default -> {
				}
			}
			at = end;
		}
	}

	private static void descend(byte[] b, int from, int to, int depth, List<Extent> found, int[] seen) {
		if (depth < MAX_DEPTH) {
			walk(b, from, to, depth + 1, found, seen);
		}
	}

	private static long u32(byte[] b, int at) {
		return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
	}
}
