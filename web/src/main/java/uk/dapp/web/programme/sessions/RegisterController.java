package uk.dapp.web.programme.sessions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.SessionsApi;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.AttendanceCreate;
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.GroupRegister;
import uk.dapp.client.programme.model.RegisterMark;
import uk.dapp.client.programme.model.RegisterParticipant;
import uk.dapp.client.programme.model.RegisterSession;
import uk.dapp.client.programme.model.Session;
import uk.dapp.client.programme.model.SessionCreate;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.ConflictException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.gateway.ServiceProblem;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * A group's sessions: scheduling one, and taking a session's register for the whole group in one
 * form. The API records one participant's attendance per call, so the form makes one call per
 * participant marked (or whose mark changed); a refusal for one (400, or 409: no longer enrolled)
 * is shown beside that participant, and the others stay recorded.
 */
@Controller
public class RegisterController {

    private static final String GROUP = "/programme/groups/{groupId}";

    private final SessionsApi sessions;
    private final ViewsApi views;
    private final EnrolmentApi enrolment;
    private final ParticipantNames names;

    public RegisterController(SessionsApi sessions, ViewsApi views, EnrolmentApi enrolment, ParticipantNames names) {
        this.sessions = sessions;
        this.views = views;
        this.enrolment = enrolment;
        this.names = names;
    }

    @GetMapping(GROUP + "/sessions/new")
    String scheduleForm(@PathVariable UUID groupId, Model model) {
        model.addAttribute("schedule", new ScheduleForm());
        return showSchedule(groupId, model);
    }

    @PostMapping(GROUP + "/sessions/new")
    String schedule(@PathVariable UUID groupId, @ModelAttribute("schedule") ScheduleForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        OffsetDateTime at = form.toMoment(errors);
        if (!errors.hasErrors()) {
            try {
                Session session = sessions.scheduleSession(new SessionCreate().groupId(groupId).scheduledAt(at));
                flash.addFlashAttribute("success", "Session scheduled. Take its register when it is held.");
                return "redirect:/programme/groups/" + groupId + "/sessions/" + session.getSessionId();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors, Map.of("scheduledAt", "scheduledAt", "groupId", "scheduledAt"));
            }
        }
        return showSchedule(groupId, model);
    }

    private String showSchedule(UUID groupId, Model model) {
        model.addAttribute("group", enrolment.getGroup(groupId));
        return "programme/sessions/schedule";
    }

    @GetMapping(GROUP + "/sessions/{sessionId}")
    String registerForm(@PathVariable UUID groupId, @PathVariable UUID sessionId, Model model) {
        GroupRegister register = views.getGroupRegister(groupId);
        RegisterForm form = new RegisterForm();
        form.setRows(register.getParticipants().stream()
                .map(p -> new RegisterForm.Row(p.getReferralId(), markOf(p, sessionId))).toList());
        model.addAttribute("registerForm", form);
        return showRegister(groupId, sessionId, register, model);
    }

    @PostMapping(GROUP + "/sessions/{sessionId}")
    String takeRegister(@PathVariable UUID groupId, @PathVariable UUID sessionId, @ModelAttribute("registerForm") RegisterForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        GroupRegister before = views.getGroupRegister(groupId);
        int recorded = 0;
        List<RegisterForm.Row> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            RegisterForm.Row row = rows.get(i);
            AttendanceOutcome was = before.getParticipants().stream().filter(p -> p.getReferralId().equals(row.getReferralId()))
                    .findFirst().map(p -> markOf(p, sessionId)).orElse(null);
            if (row.getReferralId() == null || row.getOutcome() == null || row.getOutcome() == was) {
                continue;
            }
            try {
                sessions.recordAttendance(sessionId, row.getReferralId(), new AttendanceCreate().outcome(row.getOutcome()));
                recorded++;
            } catch (RejectedRequestException | ConflictException refused) {
                ServiceProblem problem = refused.problem();
                String message = problem.errors().isEmpty() ? (problem.detail() != null ? problem.detail() : problem.title())
                        : problem.errors().getFirst().message();
                errors.rejectValue("rows[" + i + "].outcome", "Refused", sentence(message));
            }
        }
        if (!errors.hasErrors()) {
            flash.addFlashAttribute("success", recorded == 0 ? "No change to the register."
                    : "Register saved: " + recorded + (recorded == 1 ? " attendance" : " attendances") + " recorded.");
            return "redirect:/programme/groups/" + groupId;
        }
        model.addAttribute("recorded", recorded);
        return showRegister(groupId, sessionId, views.getGroupRegister(groupId), model);
    }

    private String showRegister(UUID groupId, UUID sessionId, GroupRegister register, Model model) {
        RegisterSession session = register.getSessions().stream().filter(s -> s.getSessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such session in this group"));
        model.addAttribute("group", enrolment.getGroup(groupId));
        model.addAttribute("held", session);
        Map<String, String> named = names.of(register.getParticipants().stream().map(RegisterParticipant::getCaseId).toList());
        Map<UUID, String> labels = new java.util.HashMap<>();
        register.getParticipants().forEach(p -> labels.put(p.getReferralId(), named.getOrDefault(p.getCaseId(), p.getCaseId())));
        model.addAttribute("labels", labels);
        model.addAttribute("outcomes", AttendanceOutcome.values());
        return "programme/sessions/register";
    }

    private static AttendanceOutcome markOf(RegisterParticipant participant, UUID sessionId) {
        return participant.getMarks().stream().filter(m -> Objects.equals(m.getSessionId(), sessionId))
                .map(RegisterMark::getOutcome).findFirst().orElse(null);
    }

    private static String sentence(String message) {
        return message == null || message.isBlank() ? "This attendance could not be recorded"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
