package org.zhizhi.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What every operation of the OpenAPI document shares, written once instead of on 170 methods (issue 19): one entry
 * per tag, named in Chinese and English (several controllers share a tag such as {@code incidents}; a validator refuses
 * a tag declared twice), and
 * the platform's refusals — every error is an RFC 9457 problem, {@code application/problem+json}, with the field
 * problems in {@code errors[]} — documented with the shared {@code Problem} schema on each operation.
 */
@Component
class ApiDocumentConventions implements GlobalOpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	/** The refusals any operation of the API may answer, and what each means. */
	private static final Map<String, String> REFUSALS = Map.of(
			"400", "请求有误：字段问题在 errors[] 中 (bad request; field problems in errors[])",
			"401", "未登录或令牌失效 (not signed in, or the token is no longer valid)",
			"403", "无权执行此操作 (not allowed for this role or scope)",
			"404", "不存在，或不在您的数据范围内 (not found, or outside the caller's scope)",
			"409", "状态已变化，与此操作冲突 (the state no longer allows the step; names the state it is in now)");

	/** Each tag's name in the platform's language, put before its English description (the glossary's terms). */
	private static final Map<String, String> CHINESE = Map.ofEntries(Map.entry("accounts", "账号"),
			Map.entry("audit", "审计日志"), Map.entry("auth", "登录与令牌"), Map.entry("boundaries", "网格边界"),
			Map.entry("grids", "网格"), Map.entry("inbox", "消息"), Map.entry("incident KPIs", "事件考核"),
			Map.entry("incidents", "事件 · 网格吹哨"), Map.entry("joint activities", "共建活动"),
			Map.entry("joint meetings", "联席会议"), Map.entry("keys", "密钥轮换"), Map.entry("topics", "居民议事"), Map.entry("deliberation meetings", "议事会议"), Map.entry("self-governance", "自治组织与公约"), Map.entry("open311", "Open311 公共报修"),
			Map.entry("org-units", "组织架构"), Map.entry("partnership", "共驻共建"), Map.entry("party", "党建"),
			Map.entry("people", "居民与户籍"), Map.entry("places", "小区楼栋"), Map.entry("summaries", "汇总"),
			Map.entry("wishes", "微心愿"));

	/** Examples of the main request bodies, in the words of the seeds: a report, a claim, a wish. */
	private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
			"/api/v1/incidents", ordered("channel", "PATROL", "categoryCode", "MANHOLE_COVER", "description",
					"小区东门外人行道井盖破损，有人险些踩空", "lat", 29.3601, "lng", 106.5361),
			"/api/v1/partnership/items/{id}/claims", ordered("partnerId", "0193b8c1-6c5e-7cc1-a1b2-3c4d5e6f7a8b",
					"amount", 20, "dueOn", "2026-12-31"),
			"/api/v1/wishes", ordered("title", "帮独居老人取药", "description", "钱奶奶腿脚不便，每月需到社区医院取降压药",
					"category", "CARE", "publicLabel", "一位独居老人", "beneficiaryName", "钱奶奶", "dueOn",
					"2026-12-20", "maxTakers", 1));

	private static Map<String, Object> ordered(Object... pairs) {
		Map<String, Object> example = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			example.put((String) pairs[i], pairs[i + 1]);
		}
		return example;
	}

	@Override
	public void customise(OpenAPI api) {
		api.setTags(mergedTags(api));
		Components components = api.getComponents() == null ? new Components() : api.getComponents();
		components.addSchemas("Problem", problemSchema());
		api.setComponents(components);
		if (api.getPaths() == null) {
			return;
		}
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			if (path.getKey().startsWith("/open311/")) {
				continue; // Open311 answers its errors in the specification's own format
			}
			for (Operation operation : path.getValue().readOperations()) {
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
				REFUSALS.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.filter(refusal -> !responses.containsKey(refusal.getKey()))
					.forEach(refusal -> responses.addApiResponse(refusal.getKey(), new ApiResponse()
						.description(refusal.getValue())
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
				operation.setResponses(responses);
			}
			Operation post = path.getValue().getPost();
			Map<String, Object> example = EXAMPLES.get(path.getKey());
			if (post != null && example != null && post.getRequestBody() != null
					&& post.getRequestBody().getContent() != null
					&& post.getRequestBody().getContent().get("application/json") != null) {
				post.getRequestBody().getContent().get("application/json").setExample(example);
			}
		}
	}

	/** One entry per tag name, the longest description kept, in the order of the names. */
	private static List<Tag> mergedTags(OpenAPI api) {
		Map<String, Tag> byName = new LinkedHashMap<>();
		for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
			byName.merge(tag.getName(), tag, (kept, other) -> length(other) > length(kept) ? other : kept);
		}
		List<Tag> tags = new ArrayList<>();
		for (Tag tag : byName.values()) {
			String chinese = CHINESE.get(tag.getName());
			String english = tag.getDescription() == null ? "" : tag.getDescription();
			tags.add(new Tag().name(tag.getName())
				.description(chinese == null || english.startsWith(chinese) ? english : chinese + " — " + english));
		}
		tags.sort(Comparator.comparing(Tag::getName));
		return tags;
	}

	private static int length(Tag tag) {
		return tag.getDescription() == null ? 0 : tag.getDescription().length();
	}

	/** RFC 9457 with the platform's stable {@code code} and its field problems. */
	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema().example("lat"))
			.addProperty("message", new StringSchema().example("该位置不在您所辖的任何网格内，请确认定位后重新上报。"));
		return new ObjectSchema().description("RFC 9457 problem details, as every error of the API answers")
			.addProperty("type", new StringSchema().example("urn:zhizhi:problem:validation-failed"))
			.addProperty("title", new StringSchema().example("请求有误"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("提交的内容有误，请按提示修改。"))
			.addProperty("instance", new StringSchema().example("/api/v1/incidents"))
			.addProperty("code", new StringSchema().example("VALIDATION_FAILED"))
			.addProperty("errors", new ArraySchema().items(fieldProblem))
			.required(List.of("type", "title", "status", "code"));
	}
}
