package org.zhizhi.people;

/**
 * A resident as a certificate names him: his registered name and his 居民身份证 number masked as the ledger stores it
 * (the first four and last four digits). Never the number itself.
 */
public record RegisteredIdentity(String name, String idCardMasked) {
}
