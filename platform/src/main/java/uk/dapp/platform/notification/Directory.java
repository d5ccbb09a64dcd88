package uk.dapp.platform.notification;

import java.util.List;

/** Who a recipient is, with the email address to write to (for the emails of urgent notifications). */
public interface Directory {

    /** A person's Keycloak user ID, username and email address (null when they have none). */
    record Person(String userId, String username, String email) {

        @Override
        public String toString() {
            // no email address: records end up in logs
            return "Person[" + userId + "]";
        }
    }

    /** Everyone the recipient stands for (one person for a named user; every member of the role in the team or area). */
    List<Person> people(Recipient recipient);

    /** Whether the user (by username, in any case) is one of the people the recipient stands for. */
    default boolean includes(Recipient recipient, String username) {
        return people(recipient).stream().anyMatch(person -> person.username().equalsIgnoreCase(username));
    }
}
