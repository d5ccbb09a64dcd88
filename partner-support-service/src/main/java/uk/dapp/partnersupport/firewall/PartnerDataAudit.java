package uk.dapp.partnersupport.firewall;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.platform.audit.unusual.RestrictedResources;
import uk.dapp.platform.security.Roles;

/**
 * Partner data behind the firewall, as the audit log names it: only partner support workers read
 * it, so the admin's unusual-access report flags a read of any of these by anyone else (an admin's
 * export of a partner's own data included). The summary other professionals may see is not here.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerDataAudit {

    /** The resource type of a partner's own subject access export. */
    public static final String PARTNER_EXPORT = "partner-subject-access";

    /** Every resource type audited on a partner track; a test holds this to what the handlers write. */
    public static final Set<String> PARTNER_DATA = Set.of(
            "partner-track",
            "contact-attempt",
            "safe-contact",
            "consent",
            "dash-assessment",
            "safety-plan",
            "disclosure",
            "risk-alert",
            "partner-outcome",
            "household",
            PARTNER_EXPORT);

    @Bean
    RestrictedResources partnerData() {
        return new RestrictedResources(PARTNER_DATA, Set.of(Roles.PARTNER_SUPPORT_WORKER));
    }
}
