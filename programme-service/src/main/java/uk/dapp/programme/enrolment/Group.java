package uk.dapp.programme.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A group of a group programme: members up to its capacity, then a waiting list in order.
 * {@code enrolledCount} and the lists change only through conditional atomic updates. It is run by
 * one team (ADR 0012; null for groups set up before teams), whose facilitators and service managers
 * alone see it.
 */
@Document("groups")
public record Group(
        @Id String groupId,
        String programmeCode,
        String name,
        LocalDate startsOn,
        int capacity,
        List<String> members,
        List<String> waitingList,
        List<String> facilitators,
        int enrolledCount,
        String createdBy,
        Instant createdAt,
        String team) {}
