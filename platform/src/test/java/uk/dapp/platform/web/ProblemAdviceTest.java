package uk.dapp.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.problem.DependencyUnavailableException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/** What the problem advice answers to failures that no service's own test can provoke through MockMvc. */
class ProblemAdviceTest {

    @RestController
    static class Failing {

        /** What Tomcat throws when a query has more than its 1,000 parameters (issue 13: it was a 500). */
        @GetMapping("/query")
        String query() {
            throw new InvalidParameterException("More than the maximum number of request parameters (GET plus POST)");
        }

        @GetMapping("/many")
        String many() {
            List<FieldViolation> violations = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                violations.add(new FieldViolation("items[" + i + "]", "NotNull", "must not be null"));
            }
            throw new RuleViolationException(violations);
        }

        @GetMapping("/directory")
        String directory() {
            throw new DependencyUnavailableException("Keycloak's directory could not be reached");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemAdvice())
            .build();

    @Test
    void aQueryTomcatCannotReadIs400NamingTheQuery() throws Exception {
        mvc.perform(get("/query"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("query"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("GET plus POST"))));
    }

    @Test
    void atMost25FieldErrorsAreListedAndTheRestCounted() throws Exception {
        mvc.perform(get("/many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(ProblemAdvice.MAX_LISTED_ERRORS))
                .andExpect(jsonPath("$.moreErrors").value(1000 - ProblemAdvice.MAX_LISTED_ERRORS))
                .andExpect(jsonPath("$.detail").value("1000 fields broke a rule"));
    }

    @Test
    void aDependencyThatCannotAnswerIs503WithRetryAfterNotAnInternalError() throws Exception {
        mvc.perform(get("/directory"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(
                                "Retry-After", String.valueOf(DependencyUnavailableException.RETRY_AFTER_SECONDS)))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "Keycloak's directory could not be reached: nothing was changed; try again in a moment"));
    }
}
