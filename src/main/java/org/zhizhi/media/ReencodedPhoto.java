package org.zhizhi.media;

import java.util.Optional;

/**
 * An upload checked and re-encoded as {@link Photos#store} would keep it, but not kept: the metadata-free JPEG
 * ({@value StoredPhoto#MEDIA_TYPE}), the position its EXIF carried and what it was before.
 */
public record ReencodedPhoto(byte[] jpeg, Optional<PhotoPosition> position, String sourceFormat, int width,
		int height) {
}
