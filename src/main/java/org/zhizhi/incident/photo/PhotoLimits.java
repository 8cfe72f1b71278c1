package org.zhizhi.incident.photo;

/**
 * How big an upload may be: in bytes, in pixels (checked from the header, before decoding, so a small file that
 * inflates to gigabytes is refused cheaply), and how long the thumbnail's long side is.
 */
record PhotoLimits(long maxBytes, long maxPixels, int thumbnailSize, float jpegQuality) {

	static final PhotoLimits DEFAULTS = new PhotoLimits(10L * 1024 * 1024, 40_000_000L, 320, 0.85f);
}
