package uk.dapp.riskmatrix.routing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import uk.dapp.riskmatrix.api.model.DisruptionTaskDto;
import uk.dapp.riskmatrix.api.model.DisruptionTaskKindDto;
import uk.dapp.riskmatrix.values.DisruptionTask;

public final class DisruptionTaskDtos {

    private DisruptionTaskDtos() {}

    public static DisruptionTaskDto toDto(String caseId, DisruptionTask task, LocalDate today) {
        return new DisruptionTaskDto()
                .taskId(task.taskId())
                .caseId(caseId)
                .kind(DisruptionTaskKindDto.valueOf(task.kind().name()))
                .owner(task.owner())
                .dueDate(task.dueDate())
                .done(task.done())
                .doneAt(task.doneAt() == null ? null : task.doneAt().atOffset(ZoneOffset.UTC))
                .overdue(task.overdue(today));
    }
}
