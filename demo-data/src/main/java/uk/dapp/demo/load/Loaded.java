package uk.dapp.demo.load;

import uk.dapp.client.programme.model.Referral;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.ProgrammeInfo;

/** A person registered in this run, with what later steps need. */
final class Loaded {
    final Person person;
    final String caseId;
    boolean expectsOutboxReferral;
    Referral referral;
    ProgrammeInfo programme;
    boolean exited;

    Loaded(Person person, String caseId) {
        this.person = person;
        this.caseId = caseId;
    }

    /** The team whose users work this person's case: the one covering his area. */
    DemoTeam team() {
        return DemoTeam.of(person.area());
    }
}
