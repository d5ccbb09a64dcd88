package uk.dapp.partnersupport.track;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.problem.ConflictException;

/**
 * Consent to support is enforced: without it in force (never given, or withdrawn), a partner track
 * records only contact attempts and the safety-relevant minimum ({@link TrackRecordKind}). What was
 * recorded while she consented stays, under the retention rules; only new records are refused. A
 * refusal is 409 with rule {@value #RULE}, naming what was refused.
 */
public final class ConsentToSupportRules {

    public static final String RULE = "ConsentToSupport";

    private ConsentToSupportRules() {}

    public static boolean mayRecord(TrackRecordKind kind, boolean consentToSupportInForce) {
        return consentToSupportInForce || !kind.needsConsentToSupport();
    }

    /** What the track will not record now: every kind needing consent while she has none in force. */
    public static List<TrackRecordKind> unavailable(boolean consentToSupportInForce) {
        return Arrays.stream(TrackRecordKind.values())
                .filter(kind -> !mayRecord(kind, consentToSupportInForce))
                .toList();
    }

    public static void require(TrackRecordKind kind, boolean consentToSupportInForce) {
        if (!mayRecord(kind, consentToSupportInForce)) {
            throw new ConflictException(
                    "The partner has no consent to support in force (never recorded, or withdrawn):"
                            + " without it the track records only contact attempts and the safety-relevant minimum (DASH"
                            + " checklist, disclosures, MARAC referral). Record her consent to support first.",
                    Map.of("rule", RULE, "record", kind.name()));
        }
    }
}
