package org.zhizhi.media;

/**
 * How big an upload may be: in bytes, in pixels (checked from the header, before decoding, so a small file that
 * inflates to gigabytes is refused cheaply); how long the long side of the served photo and of its thumbnail are.
 */
public record PhotoLimits(long maxBytes, long maxPixels, int servedSize, int thumbnailSize, float jpegQuality) {

	public static final PhotoLimits DEFAULTS = new PhotoLimits(10L * 1024 * 1024, 40_000_000L, 2560, 320, 0.85f);
}
