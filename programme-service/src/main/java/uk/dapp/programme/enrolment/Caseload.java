package uk.dapp.programme.enrolment;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case manager's caseload on a one-to-one programme; {@code count} changes only by conditional updates. */
@Document("caseloads")
public record Caseload(@Id String id, String programmeCode, String caseManager, int count, List<String> referralIds) {

    static String idOf(String programmeCode, String caseManager) {
        return programmeCode + ":" + caseManager;
    }
}
