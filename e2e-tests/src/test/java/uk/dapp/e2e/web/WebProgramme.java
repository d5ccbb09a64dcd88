package uk.dapp.e2e.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.dapp.client.programme.model.EnrolmentCreate;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.GroupCreate;
import uk.dapp.client.programme.model.ParticipantIdentity;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;

/**
 * What a programme browser test starts from, made through the gateway with the demo users' tokens
 * (the north team): a Change group the demo facilitator runs, and participants already in it or on
 * a case manager's one-to-one caseload, each with a name of its own so a search by family name
 * finds them alone.
 */
final class WebProgramme {

    static final String PROGRAMME = "CHANGE-GROUP";
    static final String ONE_TO_ONE = "DRIVE-1TO1";

    private WebProgramme() {}

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    /** A group set up by the service manager, facilitated by the demo facilitator (and any others named). */
    static Group group(String name, String... alsoFacilitating) {
        List<String> facilitators = new java.util.ArrayList<>(List.of("demo-facilitator"));
        facilitators.addAll(List.of(alsoFacilitating));
        return ProgrammeClients.enrolment("service-manager")
                .createGroup(new GroupCreate()
                        .programmeCode(PROGRAMME)
                        .name(name)
                        .startsOn(LocalDate.now())
                        .facilitators(facilitators));
    }

    /** A referral with who the person is, not assessed yet. */
    static Referral referred(String givenName, String familyName) {
        return ProgrammeClients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .programmeCode(PROGRAMME)
                        .source(ReferralSource.PROBATION)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .participant(new ParticipantIdentity()
                                .givenName(givenName)
                                .familyName(familyName)
                                .dateOfBirth(LocalDate.of(1984, 2, 9))
                                .sex(Sex.MALE)));
    }

    /** A participant assessed suitable and enrolled in the group. */
    static Referral inGroup(Group group, String givenName, String familyName) {
        Referral referral = referred(givenName, familyName);
        ProgrammeClients.suitability("facilitator")
                .recordAssessment(referral.getReferralId(), ProgrammeSteps.assessment(4));
        return ProgrammeClients.enrolment("facilitator")
                .enrol(referral.getReferralId(), new EnrolmentCreate().groupId(group.getGroupId()));
    }

    /** A participant assessed suitable for the one-to-one programme and enrolled on this case manager's caseload. */
    static Referral onCaseload(String givenName, String familyName, String caseManager) {
        Referral referral = suitableForOneToOne(givenName, familyName);
        return ProgrammeClients.enrolment("service-manager")
                .enrol(referral.getReferralId(), new EnrolmentCreate().caseManager(caseManager));
    }

    /** A participant referred to the one-to-one programme and assessed suitable: awaiting enrolment. */
    static Referral suitableForOneToOne(String givenName, String familyName) {
        Referral referral = ProgrammeClients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .programmeCode(ONE_TO_ONE)
                        .source(ReferralSource.PROBATION)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH)
                        .participant(new ParticipantIdentity()
                                .givenName(givenName)
                                .familyName(familyName)
                                .dateOfBirth(LocalDate.of(1981, 7, 23))
                                .sex(Sex.MALE)));
        ProgrammeClients.suitability("facilitator")
                .recordAssessment(referral.getReferralId(), ProgrammeSteps.assessment(3));
        return referral;
    }
}
