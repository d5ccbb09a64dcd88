package uk.dapp.riskmatrix.nominal.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.ScoresApi;
import uk.dapp.riskmatrix.api.model.ScoreDto;
import uk.dapp.riskmatrix.api.model.ScoreHistoryDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.ScoreService;
import uk.dapp.riskmatrix.scoring.ScoreDtos;

@RestController
class ScoreController implements ScoresApi {

    private final ScoreService service;

    ScoreController(ScoreService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<ScoreDto> getScore(String caseId) {
        Nominal nominal = service.scored(CaseId.parse(caseId));
        return ResponseEntity.ok(ScoreDtos.explained(nominal.caseId(), nominal.score()));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<ScoreHistoryDto> getScoreHistory(String caseId) {
        Nominal nominal = service.scored(CaseId.parse(caseId));
        ScoreHistoryDto dto = new ScoreHistoryDto().caseId(nominal.caseId());
        nominal.scoreHistoryOrEmpty().forEach(entry -> dto.addItemsItem(ScoreDtos.history(entry)));
        return ResponseEntity.ok(dto);
    }
}
