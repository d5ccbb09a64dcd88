package uk.dapp.programme.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.holding.HoldingChange;

/**
 * The messages a referral owes the other services, as outbox payloads: plain values under the field
 * names of the receiver's event schema, so what is written here is what the delivery sends.
 */
public final class ReferralEvents {

    /** To partner support: the partners named with a referral (partner-support-service.yaml PartnerReferralEvent). */
    public static final String PARTNER_REFERRAL = "partner-referral.v1";
    /** To partner support on every exit, to the risk matrix on an exit for non-compliance (common.yaml ProgrammeExitEvent). */
    public static final String PROGRAMME_EXIT = "programme-exit.v1";

    /** To partner support when a referral opens or closes (partner-support-service.yaml ReferralHeldEvent). */
    public static final String REFERRAL_HELD = "referral-held.v1";
    /** The name of the referral's key in a {@link #REFERRAL_HELD} payload. */
    public static final String REFERRAL_ID = "referralId";

    /** Whether the referral holds its case now, with the sequence of the change that says so. */
    public static HoldingChange referralHeld(String caseId, String referralId, boolean held, long sequence) {
        return new HoldingChange(caseId, REFERRAL_ID, referralId, held, sequence);
    }

    /** The facts of a programme exit. */
    public record ProgrammeExit(String caseId, String referralId, String programmeCode, ReferralStatus exitStatus,
            boolean nonCompliance, Instant exitedAt) {

        public Map<String, Object> payload() {
            return Map.of("caseId", caseId, "referralId", referralId, "programmeCode", programmeCode,
                    "exitStatus", exitStatus.name(), "nonCompliance", nonCompliance, "exitedAt", exitedAt.toString());
        }

        public static ProgrammeExit of(Map<String, Object> payload) {
            return new ProgrammeExit((String) payload.get("caseId"), (String) payload.get("referralId"),
                    (String) payload.get("programmeCode"), ReferralStatus.valueOf((String) payload.get("exitStatus")),
                    (Boolean) payload.get("nonCompliance"), Instant.parse((String) payload.get("exitedAt")));
        }
    }

    /** The partners named with a referral, for partner support to open a track for each. */
    public record PartnerReferral(String caseId, String referralId, String programmeCode, Instant referredAt,
            List<Partner> partners, String team) {

        public Map<String, Object> payload() {
            List<Map<String, Object>> named = new ArrayList<>();
            for (Partner partner : partners) {
                // no null values in a payload: an absent phone is left out
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("relationship", partner.relationship().name());
                fields.put("name", partner.name());
                if (partner.phone() != null) {
                    fields.put("phone", partner.phone());
                }
                named.add(Map.copyOf(fields));
            }
            Map<String, Object> payload = new LinkedHashMap<>(Map.of("caseId", caseId, "referralId", referralId,
                    "programmeCode", programmeCode, "referredAt", referredAt.toString(), "partners", List.copyOf(named)));
            if (team != null) {
                payload.put("team", team);
            }
            return Map.copyOf(payload);
        }

        @SuppressWarnings("unchecked")
        public static PartnerReferral of(Map<String, Object> payload) {
            List<Partner> partners = new ArrayList<>();
            for (Map<String, Object> fields : (List<Map<String, Object>>) payload.get("partners")) {
                partners.add(new Partner(Partner.Relationship.valueOf((String) fields.get("relationship")),
                        (String) fields.get("name"), (String) fields.get("phone")));
            }
            return new PartnerReferral((String) payload.get("caseId"), (String) payload.get("referralId"),
                    (String) payload.get("programmeCode"),
                    Instant.parse((String) payload.get("referredAt")), List.copyOf(partners),
                    (String) payload.get("team"));
        }

        @Override
        public String toString() {
            return "PartnerReferral[" + caseId + ", " + referralId + ", " + partners.size() + " partners]";
        }
    }

    private ReferralEvents() {
    }
}
