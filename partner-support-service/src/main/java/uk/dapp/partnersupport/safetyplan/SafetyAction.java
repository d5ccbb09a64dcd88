package uk.dapp.partnersupport.safetyplan;

import java.time.LocalDate;

/** One action of a safety plan: what, who owns it, by when, done yet. */
public record SafetyAction(String description, String owner, LocalDate dueOn, boolean done) {}
