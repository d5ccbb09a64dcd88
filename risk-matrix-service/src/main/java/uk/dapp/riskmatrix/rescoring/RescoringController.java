package uk.dapp.riskmatrix.rescoring;

import java.net.URI;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.riskmatrix.api.RescoringApi;
import uk.dapp.riskmatrix.api.model.RescoringJobDto;

@RestController
class RescoringController implements RescoringApi {

    private final RescoringService service;

    RescoringController(RescoringService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'offender-manager')")
    public ResponseEntity<RescoringJobDto> startRescoring() {
        RescoringJob job = service.start();
        return ResponseEntity.accepted()
                .location(URI.create("/rescoring-jobs/" + job.jobId()))
                .body(toDto(job));
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'offender-manager')")
    public ResponseEntity<RescoringJobDto> getRescoringJob(String jobId) {
        return ResponseEntity.ok(toDto(service.get(jobId)));
    }

    static RescoringJobDto toDto(RescoringJob job) {
        return new RescoringJobDto()
                .jobId(job.jobId())
                .status(RescoringJobDto.StatusEnum.valueOf(job.status().name()))
                .referenceVersion(job.referenceVersion())
                .total(job.total())
                .processed(job.processed())
                .changed(job.changed())
                .percent(job.percent())
                .startedAt(job.startedAt().atOffset(ZoneOffset.UTC))
                .finishedAt(job.finishedAt() == null ? null : job.finishedAt().atOffset(ZoneOffset.UTC))
                .startedBy(job.startedBy())
                .error(job.error());
    }
}
