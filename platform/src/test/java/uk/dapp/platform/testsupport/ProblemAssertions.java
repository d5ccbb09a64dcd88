package uk.dapp.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a refusal must look like: the status, problem+json, and the field error naming field and rule. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAssertions() {}

    /** Asserts a 400 naming the field with the rule, in a bounded reply; returns the problem. */
    public static JsonNode assertFieldError(MockHttpServletResponse response, String field, String rule)
            throws Exception {
        JsonNode problem = assertProblem(response, 400);
        List<String> errors = new ArrayList<>();
        problem.get("errors")
                .forEach(error -> errors.add(
                        error.get("field").asString() + " " + error.get("rule").asString()));
        assertThat(errors).as(problem.toString()).contains(field + " " + rule);
        assertThat(problem.get("errors").size()).as("errors listed").isLessThanOrEqualTo(25);
        return problem;
    }

    /** Asserts the status as problem+json of bounded size; returns the problem. */
    public static JsonNode assertProblem(MockHttpServletResponse response, int status) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus())
                .as(body.length() > 500 ? body.substring(0, 500) : body)
                .isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(body.length()).as("the reply's size").isLessThan(16 * 1024);
        return JSON.readTree(body);
    }
}
