package uk.dapp.riskmatrix.rescoring;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.dapp.riskmatrix.values.Incident;

/** The part of a nominal document rescoring needs: read with a projection, nothing else loaded. */
public record ScoringSubject(@Id String caseId, LocalDate dateOfBirth, List<Incident> incidents, Long version) {}
