package org.redress.core.complaint;

/** A step of the four-step playbook taken out of turn. The desk warns; it does not forbid. */
public enum PlaybookWarning {
    RESOLUTION_BEFORE_CONFIRMED_RECAP("a resolution was proposed before the customer confirmed the recap"),
    SECOND_APOLOGY("the complaint already has an apology: apologise once, for the company");

    private final String message;

    PlaybookWarning(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
