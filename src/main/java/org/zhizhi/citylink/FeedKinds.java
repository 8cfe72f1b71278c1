package org.zhizhi.citylink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.zhizhi.incident.IncidentAction;

/**
 * The kinds of feed events, as data: a family (the part before the dot) and its kinds. A subscriber subscribes to
 * patterns — an exact kind ({@code incident.closed}) or a whole family ({@code incident.*}) — so a family that grows
 * a kind reaches its subscribers without anyone touching them. Three families: an incident's steps, the risk
 * sentinel's alerts ({@link CommandFeed}), the emergency whistle ({@link CommandFeed}); a new one is one more entry
 * here and a publisher calling {@link CityFeed#publish}.
 */
public final class FeedKinds {

	private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$");

	/** Each family with its kinds, in the order the subscriber form offers them. */
	static final Map<String, List<String>> FAMILIES = families();

	private FeedKinds() {
	}

	private static Map<String, List<String>> families() {
		Map<String, List<String>> families = new LinkedHashMap<>();
		families.put("incident", Arrays.stream(IncidentAction.values()).map(FeedKinds::ofIncident).toList());
		families.put("alert", List.of("alert.raised", "alert.acknowledged", "alert.assigned", "alert.handled",
				"alert.closed"));
		families.put("emergency", List.of("emergency.blown", "emergency.answered", "emergency.stood_down"));
		return Map.copyOf(families);
	}

	/** The kind of an incident step: {@code incident.} and the action's name in lower case. */
	static String ofIncident(IncidentAction action) {
		return "incident." + action.name().toLowerCase(Locale.ROOT);
	}

	/** Every pattern a subscriber may choose: each family as a whole, then its kinds. */
	public static List<String> patterns() {
		List<String> patterns = new ArrayList<>();
		FAMILIES.keySet().stream().sorted().forEach(family -> {
			patterns.add(family + ".*");
			patterns.addAll(FAMILIES.get(family));
		});
		return patterns;
	}

	/** Whether a pattern names a known family or kind. */
	public static boolean known(String pattern) {
		if (pattern == null) {
			return false;
		}
		if (pattern.endsWith(".*")) {
			return FAMILIES.containsKey(pattern.substring(0, pattern.length() - 2));
		}
		int dot = pattern.indexOf('.');
		return dot > 0 && FAMILIES.getOrDefault(pattern.substring(0, dot), List.of()).contains(pattern);
	}

	/** Whether a kind is well formed (a publisher's kind must be, whether or not a subscriber knows it yet). */
	static boolean wellFormed(String kind) {
		return kind != null && KIND.matcher(kind).matches();
	}

	/** Whether a subscriber's pattern takes an event of the kind (the same rule the delivery query applies in SQL). */
	static boolean matches(String pattern, String kind) {
		if (pattern.endsWith(".*")) {
			return kind.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(kind);
	}
}
