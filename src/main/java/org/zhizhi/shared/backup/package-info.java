/**
 * Backups of an installation on the embedded PostgreSQL taken while it runs — the database by PostgreSQL's low-level
 * backup API with its WAL, then the photo and document stores, each file with its SHA-256 in a manifest — and their
 * restore into a fresh data directory ({@code java -jar zhizhi.jar backup|verify|restore}, docs/operations.md).
 */
@org.springframework.modulith.NamedInterface("backup")
package org.zhizhi.shared.backup;
