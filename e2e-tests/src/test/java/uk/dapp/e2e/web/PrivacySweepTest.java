package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.caseid.CaseId;

/** The sweep itself: it finds a case ID anywhere on a page, but not inside the per-response random values. */
class PrivacySweepTest {

    private static final String CASE_ID =
            CaseId.generate(new SplittableRandom(7)).toString();
    private static final String COMPACT = CASE_ID.replace("-", "");

    @Test
    void aCaseIdInTextALinkOrAHiddenFieldFailsTheSweep() {
        for (String html : List.of(
                "<p>Case " + COMPACT + "</p>",
                "<a href=\"/cases/" + COMPACT + "\">case</a>",
                "<input type=\"hidden\" name=\"caseId\" value=\"" + COMPACT + "\">")) {
            assertThatThrownBy(() -> new PrivacySweep(List.of()).page("page", html, List.of()))
                    .as(html)
                    .hasMessageContaining("holds a case ID");
        }
    }

    @Test
    void theCsrfTokenAndTheCspNonceAreNotCaseData() {
        // as the layout writes them (layout.html's meta tag, Thymeleaf's hidden input in each form)
        String html = "<meta name=\"dapp-csrf\" content=\"ab_" + COMPACT + "_cd\" data-header=\"X-CSRF-TOKEN\">"
                + "<script nonce=\"x+" + COMPACT + "/y\"></script>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"q_" + COMPACT + "\"></form>";

        assertThatCode(() -> new PrivacySweep(List.of()).page("page", html, List.of()))
                .doesNotThrowAnyException();
    }
}
