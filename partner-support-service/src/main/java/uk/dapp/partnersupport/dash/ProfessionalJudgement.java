package uk.dapp.partnersupport.dash;

import uk.dapp.platform.risk.RiskLevel;

/** A worker's judgement of the level, with the reason: it may raise the checklist's level, never lower it. */
public record ProfessionalJudgement(RiskLevel level, String reason) {}
