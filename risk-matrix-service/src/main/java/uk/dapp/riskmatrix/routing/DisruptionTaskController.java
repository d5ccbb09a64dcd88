package uk.dapp.riskmatrix.routing;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.DisruptionTasksApi;
import uk.dapp.riskmatrix.api.model.DisruptionTaskDto;
import uk.dapp.riskmatrix.api.model.DisruptionTaskPageDto;
import uk.dapp.riskmatrix.api.model.DisruptionTaskUpdateDto;
import uk.dapp.riskmatrix.api.model.DisruptionTasksOpenDto;
import uk.dapp.riskmatrix.api.model.RoutingDto;
import uk.dapp.riskmatrix.values.DisruptionTaskKind;

@RestController
class DisruptionTaskController implements DisruptionTasksApi {

    private final DisruptionTaskService service;
    private final RoutingService routing;
    private final Clock clock;

    DisruptionTaskController(DisruptionTaskService service, RoutingService routing, Clock clock) {
        this.service = service;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RoutingDto> openDisruptionTasks(String caseId, DisruptionTasksOpenDto body) {
        java.util.Set<DisruptionTaskKind> kinds = java.util.EnumSet.noneOf(DisruptionTaskKind.class);
        body.getKinds().forEach(k -> kinds.add(DisruptionTaskKind.valueOf(k.name())));
        return ResponseEntity.ok(RoutingController.toDto(
                routing.openDisruptionTasks(CaseId.parse(caseId), kinds), LocalDate.now(clock)));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<DisruptionTaskPageDto> listDisruptionTasks(
            Boolean overdue, String owner, Integer page, Integer size) {
        Page<DisruptionTaskService.CaseTask> found = service.open(Boolean.TRUE.equals(overdue), owner, page, size);
        LocalDate today = LocalDate.now(clock);
        DisruptionTaskPageDto dto = new DisruptionTaskPageDto()
                .page(page)
                .size(size)
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages());
        found.forEach(t -> dto.addItemsItem(DisruptionTaskDtos.toDto(t.caseId(), t.task(), today)));
        return ResponseEntity.ok(dto);
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<DisruptionTaskDto> updateDisruptionTask(
            String caseId, String taskId, DisruptionTaskUpdateDto body) {
        DisruptionTaskService.CaseTask task =
                service.update(CaseId.parse(caseId), taskId, body.getOwner(), body.getDueDate(), body.getDone());
        return ResponseEntity.ok(DisruptionTaskDtos.toDto(task.caseId(), task.task(), LocalDate.now(clock)));
    }
}
