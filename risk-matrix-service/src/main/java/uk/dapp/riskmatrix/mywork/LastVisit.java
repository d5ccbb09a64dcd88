package uk.dapp.riskmatrix.mywork;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Up to when an offender manager has seen the cohort's changes; one document per user. */
@Document("last_visits")
record LastVisit(@Id String username, Instant seenUpTo) {}
