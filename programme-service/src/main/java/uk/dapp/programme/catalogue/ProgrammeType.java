package uk.dapp.programme.catalogue;

/** One-to-one case management (Drive style) or group behaviour-change work (Change style). */
public enum ProgrammeType {
    ONE_TO_ONE,
    GROUP
}
