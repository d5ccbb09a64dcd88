package uk.dapp.web.partnersupport.household;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.AgeBand;
import uk.dapp.client.partnersupport.model.Household;
import uk.dapp.client.partnersupport.model.HouseholdUpdate;
import uk.dapp.client.partnersupport.model.SocialCareInvolvement;

/**
 * The children in the household, without names: how many, how many in each age band (the API's
 * {@code ageBands} is one band per child, so the counts are sent as that list), social care
 * involvement and the version last read. Whether the bands add up to the children is the
 * service's rule, and its answer (on {@code ageBands}) lands beside the counts ({@link #FIELD_NAMES}).
 */
public class HouseholdForm {

    /** Enough to let the service refuse a list too long, without building a huge one from a mistyped count. */
    private static final int MOST_SENT_PER_BAND = 21;

    /** The API's field names that differ from the form's. */
    static final java.util.Map<String, String> FIELD_NAMES = java.util.Map.of("ageBands", "perBand");

    private Integer childrenCount;
    private List<Integer> perBand = new ArrayList<>(Collections.nCopies(AgeBand.values().length, null));
    private SocialCareInvolvement socialCare;
    private long version;

    static HouseholdForm of(Household household) {
        HouseholdForm form = new HouseholdForm();
        if (household != null) {
            form.childrenCount = household.getChildrenCount();
            for (AgeBand band : AgeBand.values()) {
                form.perBand.set(band.ordinal(), (int)
                        household.getAgeBands().stream().filter(band::equals).count());
            }
            form.socialCare = household.getSocialCare();
            form.version = household.getVersion();
        }
        return form;
    }

    HouseholdUpdate toRequest(BindingResult form) {
        List<AgeBand> ageBands = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            Integer count = band.ordinal() < perBand.size() ? perBand.get(band.ordinal()) : null;
            if (count != null && count < 0) {
                form.rejectValue("perBand", "WholeNumber", "Enter how many children are in each age band, 0 or more");
                return null;
            }
            for (int i = 0; count != null && i < Math.min(count, MOST_SENT_PER_BAND); i++) {
                ageBands.add(band);
            }
        }
        return new HouseholdUpdate()
                .childrenCount(childrenCount)
                .ageBands(ageBands)
                .socialCare(socialCare)
                .version(version);
    }

    public Integer getChildrenCount() {
        return childrenCount;
    }

    public void setChildrenCount(Integer childrenCount) {
        this.childrenCount = childrenCount;
    }

    public List<Integer> getPerBand() {
        return perBand;
    }

    public void setPerBand(List<Integer> perBand) {
        this.perBand = perBand;
    }

    public SocialCareInvolvement getSocialCare() {
        return socialCare;
    }

    public void setSocialCare(SocialCareInvolvement socialCare) {
        this.socialCare = socialCare;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
