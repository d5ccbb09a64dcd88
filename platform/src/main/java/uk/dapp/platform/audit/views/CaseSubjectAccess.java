package uk.dapp.platform.audit.views;

import uk.dapp.platform.caseid.CaseId;

/**
 * A service's subject access export of the person of a case (common.yaml
 * {@code GET /cases/{caseId}/subject-access}): its own {@code <Service>SubjectAccess} answer, made
 * with {@link SubjectAccess#ofCase}, which audits the read with the admin's reason. The platform
 * serves it ({@link SubjectAccessController}).
 */
public interface CaseSubjectAccess {

    /** The export; {@code NotFoundException} when the service holds nothing under the case ID. */
    Object ofCase(CaseId caseId, String statedReason);
}
