package uk.dapp.web.partnersupport.tracks;

import uk.dapp.client.partnersupport.model.CloseReason;
import uk.dapp.client.partnersupport.model.TrackClosure;

/** "Close the track": the API's TrackClosure, with the version read when the form was shown. */
public class CloseForm {

    private CloseReason reason;
    private String note;
    private long version;

    TrackClosure toRequest() {
        return new TrackClosure()
                .reason(reason)
                .note(note == null || note.isBlank() ? null : note.strip())
                .version(version);
    }

    public CloseReason getReason() {
        return reason;
    }

    public void setReason(CloseReason reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
