package uk.dapp.partnersupport.household;

/** How far children's social care is involved with the household's children. */
public enum SocialCareInvolvement {
    NONE,
    EARLY_HELP,
    CHILD_IN_NEED,
    CHILD_PROTECTION,
    LOOKED_AFTER,
    NOT_KNOWN
}
