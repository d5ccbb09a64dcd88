package uk.dapp.web.notifications;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.gateway.model.ComposedInbox;
import uk.dapp.client.gateway.model.InboxPart;
import uk.dapp.client.gateway.model.InboxService;
import uk.dapp.client.gateway.model.PartStatus;

/**
 * The user's notifications from every service, newest first, as the gateway composes them (ADR 0016):
 * what needs them, on which case, and what to do; marked read one at a time, in the service that
 * raised it. A service that cannot answer is named, never taken for an empty inbox.
 */
@Controller
public class NotificationController {

    /** At most this many on the page: the inbox is for what needs doing now. */
    static final int PAGE_SIZE = 50;

    private final uk.dapp.client.gateway.api.NotificationsApi inbox;
    private final uk.dapp.client.riskmatrix.api.NotificationsApi riskMatrix;
    private final uk.dapp.client.programme.api.NotificationsApi programme;
    private final uk.dapp.client.partnersupport.api.NotificationsApi partnerSupport;

    public NotificationController(
            uk.dapp.client.gateway.api.NotificationsApi composedNotificationsApi,
            uk.dapp.client.riskmatrix.api.NotificationsApi riskMatrixNotificationsApi,
            uk.dapp.client.programme.api.NotificationsApi programmeNotificationsApi,
            uk.dapp.client.partnersupport.api.NotificationsApi partnerSupportNotificationsApi) {
        this.inbox = composedNotificationsApi;
        this.riskMatrix = riskMatrixNotificationsApi;
        this.programme = programmeNotificationsApi;
        this.partnerSupport = partnerSupportNotificationsApi;
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        ComposedInbox composed = inbox.getComposedNotifications(unread, PAGE_SIZE);
        List<InboxService> missing = composed.getParts().stream()
                .filter(part -> part.getStatus() == PartStatus.UNAVAILABLE)
                .map(InboxPart::getService)
                .toList();
        model.addAttribute("items", composed.getItems());
        model.addAttribute("unreadCount", composed.getUnread());
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("missing", missing);
        return "notifications/inbox";
    }

    @PostMapping("/notifications/{service}/{notificationId}/read")
    String markRead(@PathVariable String service, @PathVariable UUID notificationId, RedirectAttributes flash) {
        switch (InboxService.fromValue(service)) {
            case RISK_MATRIX -> riskMatrix.markNotificationRead(notificationId);
            case PROGRAMME -> programme.markNotificationRead(notificationId);
            case PARTNER_SUPPORT -> partnerSupport.markNotificationRead(notificationId);
        }
        flash.addFlashAttribute("success", "Notification marked as read.");
        return "redirect:/notifications";
    }
}
