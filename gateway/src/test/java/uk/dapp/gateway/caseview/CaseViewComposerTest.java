package uk.dapp.gateway.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import uk.dapp.gateway.api.model.PartStatusDto;
import uk.dapp.gateway.api.model.PartnerSupportSummaryDto;
import uk.dapp.platform.caseid.CaseId;

class CaseViewComposerTest {

    private static final CaseId CASE_ID = CaseId.generate(new Random(3));
    private static final Caller CALLER = new Caller("token", Set.of("facilitator"), "corr-12345678");

    @Test
    void aFaultInTheGatewayWhileComposingRefusesTheWholeViewInsteadOfSendingWhatItHas() {
        PartSource brokenForOnePart = new PartSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Mono<PartResult<T>> fetch(CasePart<T> part, CaseId caseId, Caller caller) {
                if (part == CasePart.PROGRAMME) {
                    return Mono.error(new IllegalStateException("a bug in the gateway"));
                }
                return Mono.just(PartResult.available((T) new PartnerSupportSummaryDto(caseId.value(), true)));
            }
        };

        StepVerifier.create(new CaseViewComposer(brokenForOnePart).compose(CASE_ID, CALLER))
                .expectErrorMessage("a bug in the gateway")
                .verify();
    }

    @Test
    void composesEveryPartsStatus() {
        PartSource source = new PartSource() {
            @Override
            public <T> Mono<PartResult<T>> fetch(CasePart<T> part, CaseId caseId, Caller caller) {
                return Mono.just(PartResult.of(
                        part == CasePart.RISK_MATRIX
                                ? PartStatusDto.NOT_FOUND
                                : part == CasePart.PROGRAMME
                                        ? PartStatusDto.UNAVAILABLE
                                        : PartStatusDto.NOT_PERMITTED));
            }
        };

        StepVerifier.create(new CaseViewComposer(source).compose(CASE_ID, CALLER))
                .assertNext(view -> {
                    assertThat(view.getCaseId()).isEqualTo(CASE_ID.value());
                    assertThat(view.getRiskMatrix().getStatus()).isEqualTo(PartStatusDto.NOT_FOUND);
                    assertThat(view.getProgramme().getStatus()).isEqualTo(PartStatusDto.UNAVAILABLE);
                    assertThat(view.getPartnerSupport().getStatus()).isEqualTo(PartStatusDto.NOT_PERMITTED);
                })
                .verifyComplete();
    }

    @Test
    void onlyTheServicesFailuresBecomeUnavailableNotTheGatewaysOwn() {
        assertThat(PartFetcher.isServiceFailure(new TimeoutException())).isTrue();
        assertThat(PartFetcher.isServiceFailure(new DecodingException("bad JSON")))
                .isTrue();
        assertThat(PartFetcher.isServiceFailure(new IllegalStateException("wrapped", new IOException("reset"))))
                .isTrue();
        assertThat(PartFetcher.isServiceFailure(new PartFetcher.BrokenAnswer("status 500")))
                .isTrue();

        assertThat(PartFetcher.isServiceFailure(new NullPointerException())).isFalse();
        assertThat(PartFetcher.isServiceFailure(new IllegalStateException("no bearer token to relay")))
                .isFalse();
        assertThat(PartFetcher.isServiceFailure(new ClassCastException())).isFalse();
    }

    @Test
    void anAvailablePartAlwaysCarriesItsSummary() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartResult.of(PartStatusDto.AVAILABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
