package org.zhizhi.media;

/** Where the camera said the photo was taken (WGS 84 degrees, as EXIF stores them). */
public record PhotoPosition(double latitude, double longitude) {
}
