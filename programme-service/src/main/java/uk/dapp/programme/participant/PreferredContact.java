package uk.dapp.programme.participant;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;

import uk.dapp.platform.privacy.Sensitivity;

/** How to reach the participant, and when it is safe or convenient to. */
public record PreferredContact(
        @Sensitivity(SAFE) ContactMethod method,
        @Sensitivity(DIRECT_IDENTIFIER) String phone,
        @Sensitivity(DIRECT_IDENTIFIER) String email,
        @Sensitivity(DIRECT_IDENTIFIER) String address,
        @Sensitivity(FREE_TEXT) String safeTimes) {}
