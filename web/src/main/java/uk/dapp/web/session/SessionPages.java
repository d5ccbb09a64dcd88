package uk.dapp.web.session;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The end of a session. The server forgets an idle session after {@code dapp.web.session.idle-timeout}
 * whether or not the page's script runs: with JavaScript, the timeout dialog warns first and
 * "Stay signed in" posts to {@code /session/keep-alive}; without it, every page says how long
 * the session lasts and the next request after it lands on {@code /session-ended}.
 */
@Controller
public class SessionPages {

    /** Any request keeps the session alive; this one only does that (the dialog's button). */
    @PostMapping("/session/keep-alive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "session/signed-out";
    }

    @GetMapping("/session-ended")
    String sessionEnded() {
        return "session/session-ended";
    }
}
