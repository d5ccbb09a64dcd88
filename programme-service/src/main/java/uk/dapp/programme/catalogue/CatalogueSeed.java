package uk.dapp.programme.catalogue;

import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import uk.dapp.platform.risk.RiskLevel;

/**
 * Synthetic programmes every installation starts with (an admin changes or adds to them): a
 * Drive-like one-to-one programme for high-harm perpetrators over about ten months, a Change-like
 * group programme of 26 weeks (at least 22 weeks of behaviour-change work), and a women's group; both
 * groups meet the Respect minimums ({@link RespectMinimums}: 22 weeks, 60 hours of group work).
 */
@Component
class CatalogueSeed implements ApplicationRunner {

    static final Programme DRIVE = new Programme(
            "DRIVE-1TO1",
            "Drive-style one-to-one case management",
            ProgrammeType.ONE_TO_ONE,
            20,
            60,
            43,
            new Eligibility(Set.of(Sex.MALE, Sex.FEMALE), 18, Set.of(RiskLevel.HIGH)),
            null,
            8,
            3,
            3,
            null);
    static final Programme CHANGE = new Programme(
            "CHANGE-GROUP",
            "Change-style group behaviour change",
            ProgrammeType.GROUP,
            24,
            150,
            26,
            new Eligibility(Set.of(Sex.MALE), 18, Set.of(RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH)),
            10,
            20,
            3,
            3,
            null);
    static final Programme WOMEN = new Programme(
            "WOMEN-GROUP",
            "Women's group for women who use harmful behaviour",
            ProgrammeType.GROUP,
            24,
            150,
            24,
            new Eligibility(Set.of(Sex.FEMALE), 18, Set.of(RiskLevel.STANDARD, RiskLevel.MEDIUM)),
            8,
            15,
            2,
            2,
            null);

    private final Catalogue catalogue;

    CatalogueSeed(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalogue.seed(DRIVE);
        catalogue.seed(CHANGE);
        catalogue.seed(WOMEN);
        catalogue.announceEligibility();
    }
}
