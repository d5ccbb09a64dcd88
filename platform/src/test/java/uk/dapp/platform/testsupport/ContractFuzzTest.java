package uk.dapp.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.platform.testsupport.Callers.as;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.testsupport.fuzz.ContractExamples;
import uk.dapp.platform.testsupport.fuzz.ContractFuzzer;
import uk.dapp.platform.testsupport.fuzz.ContractLimits;
import uk.dapp.platform.testsupport.fuzz.FuzzAnswer;
import uk.dapp.platform.testsupport.fuzz.FuzzRequest;

/**
 * The contract-driven fuzz test of a service (issue 13): for every operation of its contract, the
 * requests {@link ContractFuzzer} generates (each breaking the contract in one way) are sent with a
 * permitted role's token; each must be refused with the expected 4xx as problem+json with the
 * security headers, naming the field it broke, within {@link #ANSWER_WITHIN_SECONDS}; and afterwards
 * nothing stored has changed. Then the operation's valid request, built from the contract's
 * examples, must not be refused for its form. The contract itself must bound every string and array.
 *
 * <p>A service's test extends this with {@link ServiceTest}; it gets a context (and store) of its own,
 * so that no other test's background work can change the store under it.
 */
@TestPropertySource(properties = "dapp.test.context=contract-fuzz")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ContractFuzzTest {

    static final int ANSWER_WITHIN_SECONDS = 10;

    /** Rules that say a request's form was wrong (as opposed to a domain rule refusing what it asked). */
    static final Set<String> FORM_RULES = Set.of(
            "NotNull",
            "NotBlank",
            "Size",
            "Pattern",
            "Min",
            "Max",
            "DecimalMin",
            "DecimalMax",
            "Format",
            "Type",
            "UniqueItems",
            "ControlCharacter",
            "Required",
            "Limits",
            "CaseIdFormat",
            "CaseIdCheck",
            "Valid",
            "Email");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MongoTemplate mongo;

    @Value("${dapp.api.contract}")
    private String contractName;

    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    private OpenApiContract contract() {
        return OpenApiContract.forService(contractName);
    }

    @AfterAll
    void stopSender() {
        sender.shutdownNow();
    }

    @Test
    @Order(1)
    void everyStringAndArrayARequestCanCarryHasAMaximumAndEveryBodyFitsItsLimit() {
        assertThat(ContractLimits.problems(contract())).isEmpty();
    }

    @Test
    @Order(1)
    void everyExampleOfTheContractSatisfiesItsSchema() {
        assertThat(ContractExamples.problems(contract())).isEmpty();
    }

    @Test
    @Order(2)
    void everyOperationRefusesEveryInvalidRequestAndNothingChanges() throws Exception {
        Map<String, List<String>> before = storeContents();
        ContractFuzzer fuzzer = new ContractFuzzer(contract());
        List<String> problems = new ArrayList<>();
        Map<String, Integer> sentPerOperation = new TreeMap<>();
        for (OpenApiContract.Operation operation : contract().operations()) {
            String role = operation.roles().getFirst();
            List<FuzzRequest> requests = fuzzer.invalid(fuzzer.shape(operation));
            sentPerOperation.put(operation.key(), requests.size());
            for (FuzzRequest request : requests) {
                FuzzAnswer answer = send(request, role);
                if (answer == null) {
                    problems.add(request.describe() + ": no answer within " + ANSWER_WITHIN_SECONDS + " s");
                    continue;
                }
                answer.problems(request, FuzzAnswer.SECURITY_HEADERS)
                        .forEach(problem -> problems.add(request.describe() + ": " + problem));
            }
        }
        System.out.println("invalid requests sent per operation: " + sentPerOperation);
        assertThat(problems).as(problems.size() + " wrong answers").isEmpty();
        assertThat(sentPerOperation)
                .as("invalid requests per operation")
                .allSatisfy(
                        (operation, count) -> assertThat(count).as(operation).isPositive());
        assertThat(storeContents())
                .as("what is stored, after the invalid requests")
                .isEqualTo(before);
    }

    @Test
    @Order(3)
    void everyOperationTakesItsValidRequestBuiltFromTheContractsExamples() throws Exception {
        ContractFuzzer fuzzer = new ContractFuzzer(contract());
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract().operations()) {
            FuzzRequest request = fuzzer.valid(fuzzer.shape(operation));
            FuzzAnswer answer = send(request, operation.roles().getFirst());
            System.out.println("valid request " + operation.key() + ": "
                    + (answer == null
                            ? "no answer"
                            : answer.status() + (answer.status() >= 400 ? " " + answer.body() : "")));
            if (answer == null) {
                problems.add(request.describe() + ": no answer");
            } else if (answer.status() >= 500
                    || answer.status() == 413
                    || answer.status() == 415
                    || answer.status() == 401
                    || answer.status() == 403
                    || answer.status() == 400 && refusedForItsForm(answer.body())) {
                problems.add(request.describe() + ": answered " + answer.status() + " " + answer.body());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A 400 with an error whose rule is one of form, not a domain rule refusing what the request asked. */
    private static boolean refusedForItsForm(String body) {
        java.util.regex.Matcher rules =
                java.util.regex.Pattern.compile("\"rule\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        while (rules.find()) {
            if (FORM_RULES.contains(rules.group(1))) {
                return true;
            }
        }
        return false;
    }

    private FuzzAnswer send(FuzzRequest request, String role) throws Exception {
        MockHttpServletRequestBuilder builder = request(
                        HttpMethod.valueOf(request.method()), URI.create(request.path()))
                .with(as(role, "fuzz-" + role));
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.contentType(request.contentType());
        }
        if (request.body() != null) {
            builder.content(request.body());
        }
        Future<MockHttpServletResponse> answer =
                sender.submit(() -> mvc.perform(builder).andReturn().getResponse());
        MockHttpServletResponse response;
        try {
            response = answer.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaderNames().forEach(name -> headers.put(name, String.join(", ", response.getHeaders(name))));
        return new FuzzAnswer(
                response.getStatus(),
                response.getContentType(),
                headers,
                response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every document of every collection, as JSON, sorted: what anything could read back. */
    private Map<String, List<String>> storeContents() {
        Map<String, List<String>> contents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            List<String> documents = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find()) {
                documents.add(document.toJson());
            }
            documents.sort(null);
            contents.put(collection, documents);
        }
        return contents;
    }
}
