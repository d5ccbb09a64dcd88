package uk.dapp.platform.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.notify.*}: emailing urgent notifications through GOV.UK Notify (ADR 0016). Off unless
 * enabled; the in-app inbox works either way.
 *
 * @param enabled     send the emails (needs {@code api-key} and {@code template-id})
 * @param baseUrl     Notify's API (a WireMock stub of it in development and the tests)
 * @param apiKey      the service's Notify API key, from a Secret in production; never logged
 * @param templateId  the email template: its placeholders are {@code ((case_id))}, {@code ((what_to_do))} and
 *                    {@code ((link))}, and it carries nothing else about the case
 * @param templates   a different template for some kinds, by kind
 * @param signInUrl   where the email's link leads (the web app's inbox); empty for none
 * @param timeout     each call to Notify
 */
@ConfigurationProperties("dapp.notify")
public record NotifyProperties(
        boolean enabled,
        String baseUrl,
        String apiKey,
        String templateId,
        Map<NotificationKind, String> templates,
        String signInUrl,
        Duration timeout) {

    public NotifyProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.notifications.service.gov.uk" : baseUrl;
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        signInUrl = signInUrl == null ? "" : signInUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (enabled && (apiKey == null || apiKey.isBlank() || templateId == null || templateId.isBlank())) {
            throw new IllegalArgumentException(
                    "dapp.notify.enabled needs dapp.notify.api-key and dapp.notify.template-id");
        }
    }

    public String templateFor(NotificationKind kind) {
        return templates.getOrDefault(kind, templateId);
    }

    @Override
    public String toString() {
        // never the API key
        return "NotifyProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", templateId=" + templateId + "]";
    }
}
