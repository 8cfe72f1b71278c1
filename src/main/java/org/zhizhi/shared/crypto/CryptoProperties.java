package org.zhizhi.shared.crypto;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that seal personal data ({@code zhizhi.crypto.*}). With none of them set the installation's data key
 * ({@code ZHIZHI_PEOPLE_DATA_KEY}) is key 1 of AES-GCM, as every installation began. To rotate, add a key under a new
 * id ({@code ZHIZHI_CRYPTO_KEYS_2}, 32 random bytes in base64 for AES-GCM, 16 for SM4-GCM), make it primary
 * ({@code ZHIZHI_CRYPTO_PRIMARY_KEY=2}, or leave it out: the highest id is primary), restart, and run the
 * re-encryption on the 密钥轮换 page; old keys stay configured until the page shows no value under them. Never logged.
 *
 * @param algorithm AES_GCM (default) or SM4_GCM, for the keys listed here and for the search hashes
 * @param keys key id → key in base64
 * @param primaryKey the id new values are sealed under; empty = the highest id
 */
@ConfigurationProperties("zhizhi.crypto")
public record CryptoProperties(@DefaultValue("AES_GCM") SealingAlgorithm algorithm, Map<Integer, String> keys,
		Integer primaryKey) {

	public CryptoProperties {
		keys = keys == null ? Map.of() : new TreeMap<>(keys);
	}

	@Override
	public String toString() {
		return "CryptoProperties[algorithm=" + algorithm + ", keys=" + keys.keySet() + " (******), primaryKey="
				+ primaryKey + "]";
	}
}
