package uk.dapp.platform.notification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Sends one email through GOV.UK Notify with its official Java client. The client sets no time limit
 * of its own, so each call runs on a small pool of its own and is given up after {@code timeout}
 * (the message is tried again later). Notify's 400 (a bad address or template) cannot be cured by
 * repeating and is {@link Refused}; anything else (its 403 included: a key being rotated is fixed by
 * configuration, and the emails wait for it) is a {@link Failed} to retry.
 */
public class NotifySender {

    /** Notify refused this email for good (HTTP 400). */
    public static final class Refused extends Exception {
        Refused(String what) {
            super(what, null, false, false);
        }
    }

    /** The email was not sent this time; try again later. */
    public static final class Failed extends Exception {
        Failed(String what) {
            super(what, null, false, false);
        }
    }

    private final NotificationClient client;
    private final Duration timeout;
    private final ThreadPoolExecutor calls = new ThreadPoolExecutor(
            1,
            4,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4),
            Thread.ofPlatform().name("notify-call").daemon().factory());

    public NotifySender(String apiKey, String baseUrl, Duration timeout) {
        this.client = new NotificationClient(apiKey, baseUrl);
        this.timeout = timeout;
    }

    /** Answers Notify's ID of the email. */
    public String send(String templateId, String emailAddress, Map<String, String> personalisation, String reference)
            throws Refused, Failed {
        Future<String> call;
        try {
            call = calls.submit(() -> client.sendEmail(templateId, emailAddress, personalisation, reference)
                    .getNotificationId()
                    .toString());
        } catch (RejectedExecutionException busy) {
            throw new Failed("earlier calls to Notify are still waiting for an answer");
        }
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Failed("no answer from Notify within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotificationClientException refused) {
                // the status only: Notify's message can quote what was sent
                if (refused.getHttpResult() == 400) {
                    throw new Refused("Notify refused the email (HTTP 400)");
                }
                throw new Failed("Notify answered HTTP " + refused.getHttpResult());
            }
            throw new Failed(e.getCause().getClass().getSimpleName());
        }
    }

    void close() {
        calls.shutdownNow();
    }
}
