package uk.dapp.platform.status;

import java.time.Instant;

/** One entry of a record's append-only status history: who moved it, when, from where to where, and why. */
public record StatusChange(String from, String to, String move, String by, Instant at, String reason) {}
