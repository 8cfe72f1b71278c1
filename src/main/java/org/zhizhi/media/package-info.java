/**
 * Media: photos (and, later, documents) taken by any module — incidents, wishes, partnership — accepted by content
 * only (JPEG, PNG, WebP and, where libheif's converter is installed, HEIC), their GPS position read first, then kept
 * and served solely as metadata-free JPEG re-encodings and thumbnails outside the database behind
 * {@link org.zhizhi.media.PhotoStore}. The API is {@link org.zhizhi.media.Photos} with {@link
 * org.zhizhi.media.StoredPhoto}, {@link org.zhizhi.media.PhotoPosition} and {@link org.zhizhi.media.PhotoLimits};
 * content checks, HEIC and EXIF live in {@code processing}, the metadata rows in {@code persistence}, the files in
 * {@code store}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.zhizhi.media;
