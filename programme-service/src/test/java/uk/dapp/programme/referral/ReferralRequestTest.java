package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

/** The rules on the partners named with a referral, beyond what the contract states. */
class ReferralRequestTest {

    private static ReferralRequest with(Partner... partners) {
        return new ReferralRequest(
                null,
                "CHANGE-GROUP",
                ReferralSource.POLICE,
                false,
                RiskLevel.HIGH,
                null,
                null,
                null,
                List.of(partners));
    }

    private static List<FieldViolation> violations(ReferralRequest request) {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class, request::check);
        return e == null ? List.of() : e.violations();
    }

    @Test
    void namesAndPhonesAreTidiedAndABlankPhoneIsNoPhone() {
        ReferralRequest request = with(
                new Partner(Partner.Relationship.EX_PARTNER, "  Sam Example ", "  "),
                new Partner(Partner.Relationship.CURRENT_PARTNER, "Jo Example", " +44 (0)7700-900001 "));
        assertThatCode(request::check).doesNotThrowAnyException();
        assertThat(request.partners()).extracting(Partner::name).containsExactly("Sam Example", "Jo Example");
        assertThat(request.partners()).extracting(Partner::phone).containsExactly(null, "+44 (0)7700-900001");
    }

    @Test
    void aBlankNameAPartnerNamedTwiceAndAPhoneThatIsNotANumberAreRefusedByFieldWithoutRepeatingThem() {
        List<FieldViolation> found = violations(with(
                new Partner(Partner.Relationship.CURRENT_PARTNER, "   ", null),
                new Partner(Partner.Relationship.EX_PARTNER, "Sam Example", "call me maybe"),
                new Partner(Partner.Relationship.EX_PARTNER, "sam example", "0770090000")));
        assertThat(found)
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("partners[0].name", "NotBlank"),
                        org.assertj.core.groups.Tuple.tuple("partners[1].phone", "PhoneNumber"),
                        org.assertj.core.groups.Tuple.tuple("partners[2]", "NamedOnce"));
        assertThat(found).extracting(FieldViolation::message).noneMatch(m -> m.contains("Sam") || m.contains("call"));
    }

    @Test
    void thePhoneHasSevenToFifteenDigits() {
        assertThat(Partner.isPhoneNumber("770 0900")).isTrue();
        assertThat(Partner.isPhoneNumber("770 090")).isFalse();
        assertThat(Partner.isPhoneNumber("+441234567890123")).isTrue();
        assertThat(Partner.isPhoneNumber("+4412345678901234")).isFalse();
        assertThat(Partner.isPhoneNumber("07700 900001 ext 2")).isFalse();
        assertThat(Partner.isPhoneNumber("0770+0900001")).isFalse();
    }

    @Test
    void theSameNameAsCurrentAndAsExPartnerAreTwoPeopleAndTheRequestNeverPrintsThem() {
        ReferralRequest request = with(
                new Partner(Partner.Relationship.CURRENT_PARTNER, "Sam Example", null),
                new Partner(Partner.Relationship.EX_PARTNER, "Sam Example", null));
        assertThat(violations(request)).isEmpty();
        assertThat(request.toString()).doesNotContain("Sam").contains("2 partners");
    }
}
