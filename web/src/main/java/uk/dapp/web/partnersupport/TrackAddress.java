package uk.dapp.web.partnersupport;

import java.util.UUID;

/**
 * The address of a track's page, where every form on the track returns. Kept apart from the track's
 * page itself ({@code tracks/TrackController}), which composes every section above the features that
 * return to it.
 */
public final class TrackAddress {

    private TrackAddress() {}

    public static String of(UUID trackId) {
        return "/partner-support/tracks/" + trackId;
    }
}
