package uk.dapp.web.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.dapp.web.security.SignedInUser;

/**
 * Each role's start page. Today it links to the role's main screens ({@link HomePage}). "My work"
 * (what is due, overdue first) needs an API that lists it per user; when that API exists, its
 * counts and lists become sections of {@link HomePage} fetched here, one per role.
 */
@Controller
public class HomeController {

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("page", HomePage.of(SignedInUser.of(authentication)));
        return "home/home";
    }
}
