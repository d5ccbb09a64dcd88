package uk.dapp.web.programme.enrolment;

import static uk.dapp.web.forms.Typed.given;

import java.util.Arrays;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.programme.model.GroupCreate;
import uk.dapp.web.forms.DateInput;

/** "Set up a group": the API's GroupCreate under the same names (facilitators typed as usernames separated by commas). */
public class GroupForm {

    private String programmeCode;
    private String name;
    private DateInput startsOn = new DateInput();
    private Integer capacity;
    private String facilitators;
    private String team;

    GroupCreate toRequest(BindingResult form) {
        List<String> usernames = facilitators == null
                ? List.of()
                : Arrays.stream(facilitators.split(","))
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .toList();
        return new GroupCreate()
                .programmeCode(programmeCode)
                .name(given(name))
                .startsOn(startsOn.toDate(form, "startsOn"))
                .capacity(capacity)
                .facilitators(usernames)
                .team(given(team));
    }

    public String getProgrammeCode() {
        return programmeCode;
    }

    public void setProgrammeCode(String programmeCode) {
        this.programmeCode = programmeCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public DateInput getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(DateInput startsOn) {
        this.startsOn = startsOn;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getFacilitators() {
        return facilitators;
    }

    public void setFacilitators(String facilitators) {
        this.facilitators = facilitators;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }
}
