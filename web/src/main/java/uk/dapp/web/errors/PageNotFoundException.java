package uk.dapp.web.errors;

/** The address names something that is not there (a task ID its nominal does not list...): the "Page not found" page. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String what) {
        super(what);
    }
}
