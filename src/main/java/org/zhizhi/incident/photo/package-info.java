/**
 * Incident photos: accepted by content only, their GPS position read first, then served solely as metadata-free JPEG
 * re-encodings and thumbnails kept outside the database behind {@link org.zhizhi.incident.photo.PhotoStore}.
 * Other modules that take photos (wishes, partnership deliveries) store them through {@link Photos}: the named
 * interface {@code incident::photo}.
 */
@org.springframework.modulith.NamedInterface("photo")
package org.zhizhi.incident.photo;
