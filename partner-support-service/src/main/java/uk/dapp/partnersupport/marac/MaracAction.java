package uk.dapp.partnersupport.marac;

import java.time.LocalDate;

/** One action agreed at the MARAC: what, which agency or role owns it, by when, done yet. */
public record MaracAction(String description, String owner, LocalDate dueOn, boolean done) {}
