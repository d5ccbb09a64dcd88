package uk.dapp.partnersupport.track;

public enum CloseReason {
    SUPPORT_COMPLETED,
    PARTNER_DECLINED,
    NO_CONTACT_POSSIBLE,
    PERPETRATOR_LEFT_PROGRAMME,
    REFERRED_ELSEWHERE,
    OTHER
}
