package uk.dapp.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import uk.dapp.web.WebTest;

/** The frame every page shares: title, skip link, who is signed in, the role's navigation, the timeout. */
class LayoutTest extends WebTest {

    @Test
    void theFrameShowsTheUserTheirScreensAndTheIdleTimeout() throws Exception {
        String page = mvc.perform(get("/").with(offenderManager()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<title>Home – DAPP – GOV.UK</title>")
                .contains("<a href=\"#main-content\" class=\"govuk-skip-link\"")
                .contains("<main class=\"govuk-main-wrapper\" id=\"main-content\">")
                .contains("Signed in as <strong>Demo offender-manager</strong>")
                .contains("href=\"/risk-matrix/cohort\"")
                .contains("govuk-phase-banner")
                .contains("we sign you out after <span>20 minutes</span> without activity")
                .contains("data-idle-seconds=\"1200\"")
                .contains("data-warn-seconds=\"120\"");
        assertThat(page).contains("aria-current=\"page\"");
    }

    @Test
    void theEvaluatorAndTheAdminStartFromTheirScreens() throws Exception {
        String evaluator = mvc.perform(get("/").with(user("evaluator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(evaluator)
                .contains("href=\"/outcomes\"")
                .contains("href=\"/outcomes/extract\"")
                .doesNotContain("/risk-matrix/cohort")
                .doesNotContain("/audit");
        String admin = mvc.perform(get("/").with(user("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(admin)
                .contains("href=\"/audit\"")
                .contains("href=\"/subject-access\"")
                .doesNotContain("/outcomes");
    }

    @Test
    void theSignedOutPagesNeedNoSignIn() throws Exception {
        for (String path : new String[] {"/signed-out", "/session-ended"}) {
            String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).contains("govuk-heading-l").doesNotContain("Signed in as");
        }
    }
}
