package uk.dapp.gateway.outcomes.kpi;

/** A cell of a report: its row label (area, programme or referral source) and its period. */
record KpiPlace(String row, String period) {}
