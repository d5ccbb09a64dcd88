package uk.dapp.web.audit.subjectaccess;

import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.gateway.api.SubjectAccessApi;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;

/**
 * The admin's subject access export of a case ({@code GET /api/cases/{caseId}/subject-access}):
 * the case ID and the stated reason (the gateway requires it, 10 to 500 characters, and each
 * service audits its export with it), then a page saying what each service's part holds, and the
 * export as one JSON file per case, exactly as the gateway sent it. The form posts, so the reason
 * never appears in an address or the browser's history.
 */
@Controller
public class SubjectAccessController {

    private static final String PATH = "/subject-access";

    private final SubjectAccessApi subjectAccess;

    public SubjectAccessController(SubjectAccessApi subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("subjectAccess", new SubjectAccessForm());
        return "audit/subjectaccess/request";
    }

    @PostMapping(PATH)
    String export(
            @ModelAttribute("subjectAccess") SubjectAccessForm form,
            BindingResult errors,
            HttpSession session,
            RedirectAttributes flash) {
        // readings of what was typed that cannot be sent at all: an empty path segment, a header of two lines
        if (form.getCaseId() == null || form.getCaseId().isEmpty()) {
            errors.rejectValue("caseId", "Required", "Enter the case ID");
        }
        if (!form.reasonCanBeSent()) {
            errors.rejectValue(
                    "reason", "Pattern", "Write the reason on one line, in letters, numbers and punctuation");
        }
        if (errors.hasErrors()) {
            return "audit/subjectaccess/request";
        }
        byte[] document;
        try {
            document = subjectAccess
                    .getSubjectAccessExportWithResponseSpec(
                            form.getCaseId(), form.getReason() == null ? "" : form.getReason())
                    .body(byte[].class);
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors, Map.of("X-Access-Reason", "reason"));
            return "audit/subjectaccess/request";
        }
        SubjectAccessExport export = SubjectAccessExport.of(document, OffsetDateTime.now(ZoneOffset.UTC));
        session.setAttribute(SubjectAccessExport.SESSION, export);
        flash.addFlashAttribute(
                "success",
                "Export made for case " + export.caseId()
                        + ". Each service recorded it in its audit log with your reason.");
        return "redirect:" + PATH + "/export";
    }

    @GetMapping(PATH + "/export")
    String made(HttpSession session, Model model) {
        model.addAttribute("export", latest(session));
        return "audit/subjectaccess/export";
    }

    @GetMapping(PATH + "/export/download")
    ResponseEntity<byte[]> download(HttpSession session) {
        SubjectAccessExport export = latest(session);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName())
                                .build()
                                .toString())
                .body(export.document());
    }

    private static SubjectAccessExport latest(HttpSession session) {
        if (!(session.getAttribute(SubjectAccessExport.SESSION) instanceof SubjectAccessExport export)) {
            throw new PageNotFoundException("no subject access export made in this session");
        }
        return export;
    }
}
