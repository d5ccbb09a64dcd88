package uk.dapp.web.programme;

import org.springframework.stereotype.Component;
import uk.dapp.client.programme.model.ReferralStatus;

/** The colour of a referral status's tag, in one place (templates write {@code ${@programmeTags.of(status)}}). */
@Component("programmeTags")
public class StatusTags {

    public String of(ReferralStatus status) {
        if (status == null) {
            return "govuk-tag--grey";
        }
        return switch (status) {
            case REFERRED -> "govuk-tag--blue";
            case MOTIVATIONAL_WORK -> "govuk-tag--purple";
            case SUITABLE -> "govuk-tag--turquoise";
            case WAITING_LIST -> "govuk-tag--yellow";
            case ENROLLED, ON_PROGRAMME, COMPLETED -> "govuk-tag--green";
            case COMPLIANCE_REVIEW -> "govuk-tag--orange";
            case DROPPED_OUT, EXCLUDED, BREACHED -> "govuk-tag--red";
            case NOT_SUITABLE, WITHDRAWN, TRANSFERRED -> "govuk-tag--grey";
        };
    }
}
