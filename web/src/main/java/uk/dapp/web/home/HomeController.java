package uk.dapp.web.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.dapp.web.security.SignedInUser;

/**
 * Each role's start page: their work waiting, counted by the services ({@link MyWork}), and links to
 * the role's main screens ({@link HomePage}).
 */
@Controller
public class HomeController {

    private final MyWork myWork;

    public HomeController(MyWork myWork) {
        this.myWork = myWork;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        SignedInUser user = SignedInUser.of(authentication);
        model.addAttribute("page", HomePage.of(user));
        model.addAttribute("work", myWork.of(user));
        return "home/home";
    }
}
