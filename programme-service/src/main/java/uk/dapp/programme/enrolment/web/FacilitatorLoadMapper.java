package uk.dapp.programme.enrolment.web;

import uk.dapp.programme.api.model.FacilitatorCaseloadDto;
import uk.dapp.programme.enrolment.FacilitatorLoad;

/** A facilitator's or case manager's load, as my work and the team's case managers show it. */
public final class FacilitatorLoadMapper {

    private FacilitatorLoadMapper() {}

    public static FacilitatorCaseloadDto toDto(FacilitatorLoad load) {
        return new FacilitatorCaseloadDto()
                .facilitator(load.facilitator())
                .oneToOne(load.oneToOne())
                .inGroups(load.inGroups())
                .reviewsOverdue(load.reviewsOverdue());
    }
}
