package uk.dapp.demo.plan;

import java.time.LocalDate;

/** One incident of a nominal's history; the victim is a pseudonymous key, never a person's details. */
public record IncidentPlan(
        LocalDate date,
        boolean domesticAbuse,
        String offenceCode,
        String victimKey,
        Level dashLevel,
        boolean crime,
        String outcome) {}
