package org.zhizhi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 19: the OpenAPI document the platform serves passes a maintained validator (swagger-parser, as code generators
 * and API gateways run it before importing), declares each tag once, gives every operation a summary, and documents
 * the API's refusals as {@code application/problem+json} with the shared {@code Problem} schema.
 */
@ZhizhiIntegrationTest
class OpenApiDocumentIntegrationTests {

	@LocalServerPort
	int port;

	private String document;

	@BeforeEach
	void fetch() {
		ApiClient.Response answer = new ApiClient(port).get("/v3/api-docs", null);
		assertThat(answer.status()).isEqualTo(200);
		document = answer.body();
	}

	@Test
	void theDocumentPassesTheValidatorWithoutAMessage() {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

		assertThat(result.getMessages()).as("validation messages").isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(100);
	}

	@Test
	void eachTagOnceEachOperationSummarisedAndItsRefusalsProblems() {
		OpenAPI api = new OpenAPIV3Parser().readContents(document, null, new ParseOptions()).getOpenAPI();

		List<String> tags = api.getTags().stream().map(Tag::getName).toList();
		assertThat(tags).doesNotHaveDuplicates().contains("incidents", "grids");
		assertThat(api.getTags()).allSatisfy(tag -> assertThat(tag.getDescription()).as(tag.getName())
			.containsPattern("\\p{IsHan}")
			.containsPattern("[A-Za-z]{3,}"));
		List<String> unsummarised = new ArrayList<>();
		List<String> withoutProblems = new ArrayList<>();
		for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				Operation operation = entry.getValue();
				String name = entry.getKey() + " " + path.getKey();
				if (operation.getSummary() == null || operation.getSummary().isBlank()) {
					unsummarised.add(name);
				}
				if (path.getKey().startsWith("/api/") && (operation.getResponses().get("403") == null
						|| operation.getResponses().get("403").getContent().get("application/problem+json") == null)) {
					withoutProblems.add(name);
				}
			}
		}
		assertThat(unsummarised).as("operations without a summary").isEmpty();
		assertThat(withoutProblems).as("operations without their refusals").isEmpty();
		assertThat(api.getComponents().getSchemas()).containsKey("Problem");
		for (String main : List.of("/api/v1/incidents", "/api/v1/partnership/items/{id}/claims", "/api/v1/wishes")) {
			assertThat(api.getPaths().get(main).getPost().getRequestBody().getContent().get("application/json")
				.getExample()).as("an example body for POST %s", main).isNotNull();
		}
	}
}
