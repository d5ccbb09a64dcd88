package uk.dapp.web.errors;

/** The service answered, but left out what only another role is given (a section of my-work): the "You cannot see this page" page. */
public class PageNotPermittedException extends RuntimeException {

    public PageNotPermittedException(String what) {
        super(what);
    }
}
