package org.zhizhi.media;

import java.util.Optional;
import java.util.UUID;

/**
 * A photo as kept: its id, the position its EXIF carried (read before the metadata was thrown away), and the sizes of
 * the re-encoded full version and of its thumbnail.
 */
public record StoredPhoto(UUID id, Optional<PhotoPosition> position, String sourceFormat, int width, int height,
		int thumbnailWidth, int thumbnailHeight, long bytes) {

	public static final String MEDIA_TYPE = "image/jpeg";
}
