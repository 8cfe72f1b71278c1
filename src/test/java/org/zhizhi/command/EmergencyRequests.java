package org.zhizhi.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * What the emergency whistle's HTTP tests send and read back, kept in one place so that a change to the API's shapes
 * is made once: the body of a blow (a flood over grids, a drawn area or both), a demo user's account id, a callee's row
 * of a whistle's detail and a force's count in a preview.
 */
final class EmergencyRequests {

	static final String API = "/api/v1/command/emergency-whistles";

	private EmergencyRequests() {
	}

	/** A flood over the grids, with a title of its own so that a test finds its whistle among the others'. */
	static Map<String, Object> blowing(List<UUID> grids, List<String> forces) {
		return blowing("东城路下穿道积水" + suffix(), "暴雨，下穿道积水约 40 厘米，需要疏导交通、转移车辆", grids, forces, null);
	}

	/** A flood over the grids and the drawn area (either may be absent). */
	static Map<String, Object> blowing(List<UUID> grids, List<String> forces, Map<String, Object> area) {
		return blowing("东城路积水" + suffix(), null, grids, forces, area);
	}

	static Map<String, Object> blowing(String title, List<UUID> grids, List<String> forces, Map<String, Object> area) {
		return blowing(title, null, grids, forces, area);
	}

	private static Map<String, Object> blowing(String title, String details, List<UUID> grids, List<String> forces,
			Map<String, Object> area) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "FLOOD");
		body.put("title", title);
		if (details != null) {
			body.put("details", details);
		}
		body.put("gridIds", grids);
		body.put("forces", forces);
		body.put("area", area);
		return body;
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 4);
	}

	static String accountId(ApiClient api, String username) {
		return api.get("/api/v1/me", api.tokenOf(username)).json().path("id").asString();
	}

	/** The row of the whistle's detail for the account called; fails the test if he was not called. */
	static JsonNode row(JsonNode detail, String accountId) {
		for (JsonNode callee : detail.path("callees")) {
			if (callee.path("accountId").asString().equals(accountId)) {
				return callee;
			}
		}
		throw new AssertionError("not called: " + accountId);
	}

	/** How many a preview says the force would call. */
	static int count(JsonNode preview, String force) {
		for (JsonNode f : preview.path("forces")) {
			if (f.path("force").asString().equals(force)) {
				return f.path("called").asInt();
			}
		}
		throw new AssertionError("no count for " + force);
	}
}
