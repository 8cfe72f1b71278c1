/**
 * Incident photos: accepted by content only, their GPS position read first, then served solely as metadata-free JPEG
 * re-encodings and thumbnails kept outside the database behind {@link org.zhizhi.incident.photo.PhotoStore}.
 */
package org.zhizhi.incident.photo;
