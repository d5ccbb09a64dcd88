package uk.dapp.web.programme.sessions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.GroupRegister;
import uk.dapp.client.programme.model.RegisterCreate;
import uk.dapp.client.programme.model.RegisterEntry;
import uk.dapp.client.programme.model.RegisterMark;
import uk.dapp.client.programme.model.RegisterParticipant;
import uk.dapp.client.programme.model.RegisterSession;
import uk.dapp.client.programme.model.Session;
import uk.dapp.client.programme.model.SessionCreate;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * A group's sessions: scheduling one, and taking a session's register for the whole group in one
 * form, sent as one register (the participants marked, or whose mark changed): the API records all
 * of it or, refusing an entry, none, and each refusal is shown beside its participant.
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
    String schedule(
            @PathVariable UUID groupId,
            @ModelAttribute("schedule") ScheduleForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        OffsetDateTime at = form.toMoment(errors);
        if (!errors.hasErrors()) {
            try {
                Session session = sessions.scheduleSession(
                        new SessionCreate().groupId(groupId).scheduledAt(at));
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
                .map(p -> new RegisterForm.Row(p.getReferralId(), markOf(p, sessionId)))
                .toList());
        model.addAttribute("registerForm", form);
        return showRegister(groupId, sessionId, register, model);
    }

    @PostMapping(GROUP + "/sessions/{sessionId}")
    String takeRegister(
            @PathVariable UUID groupId,
            @PathVariable UUID sessionId,
            @ModelAttribute("registerForm") RegisterForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        GroupRegister before = views.getGroupRegister(groupId);
        // the rows marked or whose mark changed, sent as one register; the API names each refused
        // entry attendances[k], shown beside the row it came from
        List<RegisterEntry> entries = new ArrayList<>();
        Map<String, String> rowOf = new HashMap<>();
        List<RegisterForm.Row> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            RegisterForm.Row row = rows.get(i);
            AttendanceOutcome was = before.getParticipants().stream()
                    .filter(p -> p.getReferralId().equals(row.getReferralId()))
                    .findFirst()
                    .map(p -> markOf(p, sessionId))
                    .orElse(null);
            if (row.getReferralId() == null || row.getOutcome() == null || row.getOutcome() == was) {
                continue;
            }
            int k = entries.size();
            rowOf.put("attendances[" + k + "].referralId", "rows[" + i + "].outcome");
            rowOf.put("attendances[" + k + "].outcome", "rows[" + i + "].outcome");
            entries.add(new RegisterEntry().referralId(row.getReferralId()).outcome(row.getOutcome()));
        }
        if (entries.isEmpty()) {
            flash.addFlashAttribute("success", "No change to the register.");
            return "redirect:/programme/groups/" + groupId;
        }
        try {
            sessions.recordRegister(sessionId, new RegisterCreate().attendances(entries));
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors, rowOf);
            return showRegister(groupId, sessionId, before, model);
        }
        flash.addFlashAttribute(
                "success",
                "Register saved: " + entries.size() + (entries.size() == 1 ? " attendance" : " attendances")
                        + " recorded.");
        return "redirect:/programme/groups/" + groupId;
    }

    private String showRegister(UUID groupId, UUID sessionId, GroupRegister register, Model model) {
        RegisterSession session = register.getSessions().stream()
                .filter(s -> s.getSessionId().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such session in this group"));
        model.addAttribute("group", enrolment.getGroup(groupId));
        model.addAttribute("held", session);
        Map<String, String> named = names.of(register.getParticipants().stream()
                .map(RegisterParticipant::getCaseId)
                .toList());
        Map<UUID, String> labels = new java.util.HashMap<>();
        register.getParticipants()
                .forEach(p -> labels.put(p.getReferralId(), named.getOrDefault(p.getCaseId(), p.getCaseId())));
        model.addAttribute("labels", labels);
        model.addAttribute("outcomes", AttendanceOutcome.values());
        return "programme/sessions/register";
    }

    private static AttendanceOutcome markOf(RegisterParticipant participant, UUID sessionId) {
        return participant.getMarks().stream()
                .filter(m -> Objects.equals(m.getSessionId(), sessionId))
                .map(RegisterMark::getOutcome)
                .findFirst()
                .orElse(null);
    }
}
