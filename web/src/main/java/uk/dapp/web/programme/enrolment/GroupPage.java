package uk.dapp.web.programme.enrolment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.GroupRegister;
import uk.dapp.client.programme.model.RegisterMark;
import uk.dapp.client.programme.model.RegisterParticipant;
import uk.dapp.client.programme.model.RegisterSession;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;

/**
 * A group's page: its places, its participants and waiting list (named where the programme holds
 * who they are), and its register (the latest sessions as columns, each participant's marks).
 */
public record GroupPage(Group group, GroupRegister register, Map<String, String> names, List<Waiting> waiting) {

    /** Register columns shown: the latest sessions. */
    static final int COLUMNS = 6;

    /** One referral on the waiting list, in order. */
    public record Waiting(UUID referralId, String caseId, String name) {}

    public int taken() {
        return group.getMembers().size();
    }

    public int free() {
        return Math.max(0, group.getCapacity() - taken());
    }

    public List<Row> details() {
        return new Rows()
                .add("Programme", group.getProgrammeCode())
                .add("Starts", group.getStartsOn())
                .add("Places", taken() + " of " + group.getCapacity() + " taken, " + free() + " free")
                .add("Waiting list", waiting.size())
                .add("Facilitators", group.getFacilitators())
                .add("Team", group.getTeam())
                .add("Reference", group.getGroupId())
                .list();
    }

    public String nameOf(RegisterParticipant participant) {
        return names.getOrDefault(participant.getCaseId(), participant.getCaseId());
    }

    public List<RegisterSession> sessions() {
        return register.getSessions().stream()
                .sorted(Comparator.comparing(RegisterSession::getScheduledAt))
                .toList();
    }

    /** The latest sessions, oldest of them first, as the register's columns. */
    public List<RegisterSession> columns() {
        List<RegisterSession> all = sessions();
        return all.subList(Math.max(0, all.size() - COLUMNS), all.size());
    }

    public AttendanceOutcome mark(RegisterParticipant participant, RegisterSession session) {
        return participant.getMarks().stream()
                .filter(m -> m.getSessionId().equals(session.getSessionId()))
                .map(RegisterMark::getOutcome)
                .findFirst()
                .orElse(null);
    }

    public long marked(RegisterSession session) {
        return register.getParticipants().stream()
                .filter(p -> mark(p, session) != null)
                .count();
    }
}
