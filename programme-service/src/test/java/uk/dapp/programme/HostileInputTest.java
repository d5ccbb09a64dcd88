package uk.dapp.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.programme.referral.Referral;

/** Malformed, oversized or hostile input, for every operation and each role it allows: never a 5xx. */
@ProgrammeServiceTest
class HostileInputTest {

    private static final List<String> BODIES = List.of(
            "{}",
            "[]",
            "not json",
            "null",
            "{\"move\":\"" + "x".repeat(5000) + "\",\"reason\":\"<script>alert(1)</script>\"}",
            "{\"programmeCode\":\"CHANGE-GROUP\",\"source\":\"POLICE\",\"mandated\":\"yes\",\"riskLevel\":\"HIGH\"}",
            "{\"motivation\":99,\"accountability\":-1,\"awareness\":3,\"mentalHealth\":\"X\"}",
            "{\"groupId\":\"not-a-uuid\",\"scheduledAt\":\"yesterday\"}",
            "{\"outcome\":\"ATTENDED\",\"$where\":\"1==1\"}",
            "{\"code\":\"$GT\",\"eligibility\":{\"sexes\":[],\"minimumAge\":3,\"riskLevels\":[]}}");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void noOperationAnswersAServerErrorToJunk() throws Exception {
        long referralsBefore = mongo.count(new Query(), Referral.class);
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation :
                OpenApiContract.forService("programme-service").operations()) {
            List<String> paths = List.of(
                    operation
                            .path()
                            .replace(
                                    "{caseId}",
                                    CaseId.generate(new SecureRandom()).value())
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                    operation.path().replaceAll("\\{[^}]+}", "%27%3B%20drop"));
            boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(operation.method());
            for (String role : operation.roles()) {
                for (String path : paths) {
                    for (String body : hasBody ? BODIES : List.of("")) {
                        var builder = request(HttpMethod.valueOf(operation.method()), path)
                                .with(as(role));
                        if (hasBody) {
                            builder.contentType(MediaType.APPLICATION_JSON).content(body);
                        }
                        int status =
                                mvc.perform(builder).andReturn().getResponse().getStatus();
                        if (status >= 500) {
                            problems.add(operation.key() + " as " + role + " " + path + " "
                                    + body.substring(0, Math.min(40, body.length())) + " -> " + status);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(referralsBefore);
    }
}
