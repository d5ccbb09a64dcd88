package uk.dapp.partnersupport.dash;

/**
 * The 24 questions of the DASH risk checklist, in order, in this project's own words. "They" is the
 * person causing harm. Answers are given in this order.
 */
public enum DashQuestion {
    INJURED("Did the latest incident leave you hurt?"),
    VERY_FRIGHTENED("Are you very frightened?"),
    AFRAID_OF_HARM("Are you afraid of being hurt further, or of being killed, or of harm to someone else?"),
    ISOLATED("Do you feel cut off from family or friends, or kept from seeing them?"),
    DEPRESSED_OR_SUICIDAL("Are you feeling low or depressed, or having thoughts of ending your life?"),
    SEPARATION("Have you left, or tried to leave, them in the past year?"),
    CHILD_CONTACT_CONFLICT("Are there disagreements about contact with the children?"),
    STALKING("Do they keep messaging, calling, following or turning up where you are?"),
    PREGNANCY("Are you pregnant, or have you had a baby in the last 18 months?"),
    MORE_OFTEN("Is the abuse happening more often than before?"),
    GETTING_WORSE("Is the abuse getting worse?"),
    CONTROLLING_OR_JEALOUS("Do they try to control everything you do, or are they extremely jealous?"),
    WEAPONS("Have they ever used a weapon or an object to hurt you?"),
    THREATS_TO_KILL("Have they ever threatened to kill you or someone else, and you believed them?"),
    STRANGULATION("Have they ever choked, strangled, suffocated or tried to drown you?"),
    SEXUAL_ABUSE("Do they do or say sexual things that hurt you or make you feel bad?"),
    OTHER_THREAT("Is anyone else threatening you, or is there anyone else you are afraid of?"),
    HURT_OTHERS("Do you know whether they have hurt anyone else?"),
    ANIMALS("Have they ever hurt or mistreated an animal or a pet?"),
    FINANCIAL("Are there money problems, or do they control the money?"),
    SUBSTANCES_OR_MENTAL_HEALTH("In the past year have they had problems with drink, drugs or their mental health?"),
    SUICIDE_THREATS("Have they ever threatened or tried to take their own life?"),
    BREACHED_ORDERS("Have they ever broken bail, an injunction, a court order or another formal agreement?"),
    POLICE_HISTORY("Do you know whether they have been in trouble with the police or have a criminal record?");

    public static final int COUNT = 24;

    private final String text;

    DashQuestion(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public int number() {
        return ordinal() + 1;
    }
}
