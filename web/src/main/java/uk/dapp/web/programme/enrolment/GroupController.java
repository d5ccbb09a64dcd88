package uk.dapp.web.programme.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.GroupRegister;
import uk.dapp.client.programme.model.GroupSummaryPage;
import uk.dapp.client.programme.model.ProgrammeType;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.RegisterParticipant;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * A group's page (places, participants, waiting list in order, register), the groups of the user's
 * teams with their places and waiting lists, capacity (the teams' groups and the programmes'
 * limits), and setting up a group (a service manager's task: the service refuses others).
 */
@Controller
public class GroupController {

    static final int PAGE_SIZE = 50;
    /** The programme API's largest page of groups (its Size parameter's maximum). */
    static final int LARGEST_PAGE = 100;

    private final EnrolmentApi enrolment;
    private final ViewsApi views;
    private final ReferralsApi referrals;
    private final ProgrammesApi programmes;
    private final ParticipantNames names;

    public GroupController(
            EnrolmentApi enrolment,
            ViewsApi views,
            ReferralsApi referrals,
            ProgrammesApi programmes,
            ParticipantNames names) {
        this.enrolment = enrolment;
        this.views = views;
        this.referrals = referrals;
        this.programmes = programmes;
        this.names = names;
    }

    @GetMapping("/programme/groups/{groupId}")
    String group(@PathVariable UUID groupId, Model model) {
        Group group = enrolment.getGroup(groupId);
        GroupRegister register = views.getGroupRegister(groupId);
        Map<String, String> named = names.of(register.getParticipants().stream()
                .map(RegisterParticipant::getCaseId)
                .toList());
        List<GroupPage.Waiting> waiting = new ArrayList<>();
        for (UUID referralId : register.getWaitingList()) {
            Referral referral = referrals.getReferral(referralId);
            waiting.add(
                    new GroupPage.Waiting(referralId, referral.getCaseId(), names.nameOrCaseId(referral.getCaseId())));
        }
        model.addAttribute("page", new GroupPage(group, register, named, waiting));
        return "programme/enrolment/group";
    }

    /** The groups of the user's teams, soonest start first, with their places taken and free and how many wait. */
    @GetMapping("/programme/groups")
    String groups(@RequestParam(defaultValue = "0") int page, Model model) {
        GroupSummaryPage found = enrolment.listGroups(null, Math.clamp(page, 0, 10_000), PAGE_SIZE);
        model.addAttribute("groups", found);
        model.addAttribute("pagination", Pagination.of(found.getPage(), found.getTotalPages()));
        return "programme/enrolment/groups";
    }

    /** The catalogue's limits, and the places in the groups of the user's teams (the first page; all on the groups page). */
    @GetMapping("/programme/capacity")
    String capacity(Model model) {
        model.addAttribute("programmes", programmes.listProgrammes());
        model.addAttribute("groups", enrolment.listGroups(null, 0, LARGEST_PAGE));
        return "programme/enrolment/capacity";
    }

    @GetMapping("/programme/groups/new")
    String setUpForm(Model model) {
        model.addAttribute("groupForm", new GroupForm());
        return showSetUp(model);
    }

    @PostMapping("/programme/groups/new")
    String setUp(
            @ModelAttribute("groupForm") GroupForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        var request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                Group group = enrolment.createGroup(request);
                flash.addFlashAttribute(
                        "success",
                        "Group set up. Its reference is " + group.getGroupId()
                                + ": a facilitator enrols the first participant with it.");
                return "redirect:/programme/groups/" + group.getGroupId();
            } catch (RejectedRequestException rejected) {
                Map<String, String> fieldNames = new java.util.HashMap<>();
                for (int i = 0; i < 10; i++) {
                    fieldNames.put("facilitators[" + i + "]", "facilitators");
                }
                rejected.problem().addTo(errors, fieldNames);
            }
        }
        return showSetUp(model);
    }

    private String showSetUp(Model model) {
        model.addAttribute(
                "programmes",
                programmes.listProgrammes().stream()
                        .filter(p -> p.getType() == ProgrammeType.GROUP)
                        .toList());
        return "programme/enrolment/set-up";
    }
}
