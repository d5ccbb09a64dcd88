package uk.dapp.web.audit.subjectaccess;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject access export as the gateway sent it ({@code GET /api/cases/{caseId}/subject-access}),
 * kept byte for byte for its download, with what each service's part says (included, nothing held,
 * not available right now) for the page that offers it. The session keeps the latest one only,
 * until the admin makes another or signs out: each export is an audited read of a person's data,
 * so it is made once and downloaded from here rather than asked for again.
 */
public record SubjectAccessExport(String caseId, OffsetDateTime madeAt, byte[] document, List<Part> parts)
        implements Serializable {

    /** The session attribute holding the latest export. */
    static final String SESSION = SubjectAccessExport.class.getName();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String[]> PARTS =
            List.of(new String[] {"riskMatrix", "Risk matrix"}, new String[] {"programme", "Programme"}, new String[] {
                "partnerSupport", "Partner support"
            });

    /** A service's part and its status: AVAILABLE, NOT_FOUND, UNAVAILABLE (or NOT_PERMITTED). */
    public record Part(String service, String status) implements Serializable {}

    static SubjectAccessExport of(byte[] document, OffsetDateTime madeAt) {
        JsonNode view = JSON.readTree(document);
        List<Part> parts = new ArrayList<>();
        for (String[] part : PARTS) {
            parts.add(new Part(part[1], view.path(part[0]).path("status").asString("UNAVAILABLE")));
        }
        return new SubjectAccessExport(view.path("caseId").asString(), madeAt, document, List.copyOf(parts));
    }

    /** Whether every service's part could be had (included, or nothing held). */
    public boolean complete() {
        return parts.stream().noneMatch(part -> "UNAVAILABLE".equals(part.status()));
    }

    public String fileName() {
        return "subject-access-" + caseId + ".json";
    }
}
