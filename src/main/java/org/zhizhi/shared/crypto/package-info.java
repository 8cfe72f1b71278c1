/**
 * Sealing personal data under a ring of rotatable keys (AES-GCM by Google Tink, or SM4-GCM by BouncyCastle) and the
 * key rotation that moves every module's sealed values to the primary key.
 */
@org.springframework.modulith.NamedInterface("crypto")
package org.zhizhi.shared.crypto;
