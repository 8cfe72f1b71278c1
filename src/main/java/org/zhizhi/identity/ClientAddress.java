package org.zhizhi.identity;

import java.util.regex.Pattern;

/**
 * A client's address as an auditor reads it: the servlet container reports IPv6 forms for IPv4 clients — the loopback
 * as {@code 0:0:0:0:0:0:0:1} or {@code ::1}, an IPv4 client on a dual-stack socket as {@code ::ffff:a.b.c.d} — which
 * hide the address he knows. Those become the IPv4 form; any other address stays as it is.
 */
public final class ClientAddress {

	private static final Pattern LOOPBACK = Pattern.compile("(0{1,4}:){7}0{0,3}1|::1|\\[::1\\]");

	private static final Pattern MAPPED = Pattern
		.compile("(?i)(?:(?:0{1,4}:){5}|::)ffff:(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})");

	private ClientAddress() {
	}

	public static String readable(String address) {
		if (address == null) {
			return null;
		}
		String trimmed = address.strip();
		if (LOOPBACK.matcher(trimmed).matches()) {
			return "127.0.0.1";
		}
		var mapped = MAPPED.matcher(trimmed);
		return mapped.matches() ? mapped.group(1) : trimmed;
	}
}
