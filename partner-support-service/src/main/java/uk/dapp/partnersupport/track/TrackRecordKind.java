package uk.dapp.partnersupport.track;

/**
 * What a partner track records, and whether it needs her consent to support
 * (docs/domain/partner-support.md, "Consent to support"). The safety-relevant minimum needs none:
 * reaching her safely, her consent itself, and what a risk to her life calls for (the DASH checklist,
 * a disclosure of new abuse, a MARAC referral), which the information-sharing guidance lets
 * practitioners record and act on without her consent. Everything that is support given to her needs it.
 */
public enum TrackRecordKind {
    CONTACT_ATTEMPT(false),
    SAFE_CONTACT(false),
    CONSENT(false),
    DASH_ASSESSMENT(false),
    DISCLOSURE(false),
    MARAC_REFERRAL(false),
    SAFETY_PLAN(true),
    PARTNER_OUTCOME(true),
    HOUSEHOLD(true);

    private final boolean needsConsentToSupport;

    TrackRecordKind(boolean needsConsentToSupport) {
        this.needsConsentToSupport = needsConsentToSupport;
    }

    public boolean needsConsentToSupport() {
        return needsConsentToSupport;
    }
}
