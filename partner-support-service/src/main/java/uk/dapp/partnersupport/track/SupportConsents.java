package uk.dapp.partnersupport.track;

/** Whether a track's partner has consent to support in force now (answered by the consent feature). */
public interface SupportConsents {

    boolean inForce(String trackId);
}
