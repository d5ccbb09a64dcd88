package uk.dapp.web.programme.enrolment;

import static uk.dapp.web.forms.Typed.given;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.EnrolmentCreate;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.ProgrammeType;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralStatus;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.programme.team.TeamCaseManagers;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * Enrolling a suitable (or wait-listed) referral: into a group of a group programme (the groups
 * of the user's teams that run it, as the programme's list of groups gives them with their free
 * places; a full group puts them on its waiting list, as the service decides), or onto the caseload of
 * one of the case's team's facilitators or service managers for a one-to-one programme, chosen from
 * them (the service refuses anyone else, and a full caseload).
 */
@Controller
public class EnrolmentController {

    private static final String PATH = "/programme/referrals/{referralId}/enrolment";

    private final EnrolmentApi enrolment;
    private final ReferralsApi referrals;
    private final ProgrammesApi programmes;
    private final ParticipantNames names;
    private final TeamCaseManagers caseManagers;

    public EnrolmentController(
            EnrolmentApi enrolment,
            ReferralsApi referrals,
            ProgrammesApi programmes,
            ParticipantNames names,
            TeamCaseManagers caseManagers) {
        this.enrolment = enrolment;
        this.referrals = referrals;
        this.programmes = programmes;
        this.names = names;
        this.caseManagers = caseManagers;
    }

    @GetMapping(PATH)
    String form(@PathVariable UUID referralId, Authentication user, Model model) {
        EnrolmentForm form = new EnrolmentForm();
        form.setCaseManager(SignedInUser.of(user).username());
        model.addAttribute("enrolment", form);
        return show(referralId, user, model);
    }

    @PostMapping(PATH)
    String enrol(
            @PathVariable UUID referralId,
            @ModelAttribute("enrolment") EnrolmentForm form,
            BindingResult errors,
            Authentication user,
            Model model,
            RedirectAttributes flash) {
        Referral referral = referrals.getReferral(referralId);
        Programme programme = programmes.getProgramme(referral.getProgrammeCode());
        EnrolmentCreate request = form.toRequest(programme.getType(), errors);
        if (!errors.hasErrors()) {
            try {
                Referral enrolled = enrolment.enrol(referralId, request);
                flash.addFlashAttribute(
                        "success",
                        enrolled.getStatus() == ReferralStatus.WAITING_LIST
                                ? "The group is full: they are on its waiting list and are offered the next free place."
                                : enrolled.getGroupId() != null
                                        ? "Enrolled in the group."
                                        : "Enrolled on " + enrolled.getCaseManager() + "'s caseload.");
                return "redirect:/programme/referrals/" + enrolled.getReferralId();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(referralId, user, model);
    }

    private String show(UUID referralId, Authentication user, Model model) {
        Referral referral = referrals.getReferral(referralId);
        Programme programme = programmes.getProgramme(referral.getProgrammeCode());
        model.addAttribute("referral", referral);
        model.addAttribute("programme", programme);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        model.addAttribute("group", programme.getType() == ProgrammeType.GROUP);
        if (programme.getType() == ProgrammeType.GROUP) {
            // the first page of the list, at its largest size: a group beyond it is named by its reference
            model.addAttribute(
                    "groups",
                    enrolment
                            .listGroups(programme.getCode(), 0, GroupController.LARGEST_PAGE)
                            .getItems());
        } else {
            // a service manager sees each one's caseload now; the service counts none for a facilitator
            model.addAttribute("caseloadsShown", SignedInUser.of(user).has(Role.SERVICE_MANAGER));
            model.addAttribute("caseManagers", caseManagers.of(referral.getTeam()));
        }
        return "programme/enrolment/enrol";
    }

    /**
     * "Enrol": the API's EnrolmentCreate; for a group programme one of the teams' groups, or another
     * by the reference its page shows; for a one-to-one programme the case manager.
     */
    public static class EnrolmentForm {
        private String groupId;
        private String groupReference;
        private String caseManager;

        EnrolmentCreate toRequest(ProgrammeType type, BindingResult form) {
            if (type != ProgrammeType.GROUP) {
                if (given(caseManager) == null) {
                    form.rejectValue("caseManager", "Required", "Select the case manager");
                    return null;
                }
                return new EnrolmentCreate().caseManager(given(caseManager));
            }
            String chosen = given(groupId) != null ? given(groupId) : given(groupReference);
            try {
                return new EnrolmentCreate().groupId(chosen == null ? null : UUID.fromString(chosen));
            } catch (IllegalArgumentException notAReference) {
                form.rejectValue(
                        given(groupId) != null ? "groupId" : "groupReference",
                        "GroupReference",
                        "Enter the group reference as its page shows it, like 3f2b8c1e-6d3a-4f7e-9a61-2c0d5e8b7a94");
                return null;
            }
        }

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public String getGroupReference() {
            return groupReference;
        }

        public void setGroupReference(String groupReference) {
            this.groupReference = groupReference;
        }

        public String getCaseManager() {
            return caseManager;
        }

        public void setCaseManager(String caseManager) {
            this.caseManager = caseManager;
        }
    }
}
