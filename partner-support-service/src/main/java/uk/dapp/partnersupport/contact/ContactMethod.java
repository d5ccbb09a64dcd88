package uk.dapp.partnersupport.contact;

public enum ContactMethod {
    PHONE,
    TEXT_MESSAGE,
    EMAIL,
    LETTER,
    IN_PERSON,
    THROUGH_ANOTHER_AGENCY
}
