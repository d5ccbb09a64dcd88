package uk.dapp.riskmatrix.values;

import java.util.List;

/**
 * Support pathways for an engaged nominal. Three are programmes (a referral to programme-service): the
 * Change group, Drive, and the women's group; the others are onward referrals the offender manager tracks.
 */
public enum Pathway {
    OFFENDER_MANAGEMENT,
    DRUG_REHABILITATION,
    ALCOHOL_GROUP,
    CHANGE_PROGRAMME,
    DRIVE,
    WOMENS_GROUP,
    GPS_TAG,
    HOUSING,
    PROBATION;

    /** The programme pathways, in the order their referral messages are written. */
    public static final List<Pathway> PROGRAMMES = List.of(CHANGE_PROGRAMME, DRIVE, WOMENS_GROUP);

    public boolean isProgramme() {
        return PROGRAMMES.contains(this);
    }
}
