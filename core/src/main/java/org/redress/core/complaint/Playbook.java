package org.redress.core.complaint;

import java.util.Optional;

/**
 * The four steps of handling a complaint: listen (the customer's account captured in full), recap (sent,
 * then confirmed, or corrected and sent again), apologise (once, counted), resolve (proposed, then accepted
 * or rejected).
 */
public final class Playbook {

    /** The step a complaint is at: the first one not yet done. */
    public enum Step { LISTEN, RECAP, APOLOGISE, RESOLVE, DONE }

    /** Where the recap stands. */
    public enum Recap { NONE, SENT, CONFIRMED, CORRECTED }

    /** Where the resolution stands. */
    public enum Resolution { NONE, PROPOSED, ACCEPTED, REJECTED }

    private boolean accountCaptured;
    private Recap recap = Recap.NONE;
    private int recapsSent;
    private int apologies;
    private boolean empathyShown;
    private Resolution resolution = Resolution.NONE;
    private int resolutionsProposed;

    void accountCaptured() {
        accountCaptured = true;
    }

    void recapSent() {
        recap = Recap.SENT;
        recapsSent++;
    }

    void recapConfirmed() {
        if (recap != Recap.SENT) {
            throw new IllegalStateException("there is no recap awaiting confirmation (recap is " + recap + ")");
        }
        recap = Recap.CONFIRMED;
    }

    void recapCorrected() {
        if (recap != Recap.SENT) {
            throw new IllegalStateException("there is no recap awaiting confirmation (recap is " + recap + ")");
        }
        recap = Recap.CORRECTED;
    }

    Optional<PlaybookWarning> apologised() {
        apologies++;
        return apologies > 1 ? Optional.of(PlaybookWarning.SECOND_APOLOGY) : Optional.empty();
    }

    void empathyShown() {
        empathyShown = true;
    }

    Optional<PlaybookWarning> resolutionProposed() {
        resolution = Resolution.PROPOSED;
        resolutionsProposed++;
        return recap == Recap.CONFIRMED ? Optional.empty() : Optional.of(PlaybookWarning.RESOLUTION_BEFORE_CONFIRMED_RECAP);
    }

    void resolutionAnswered(boolean accepted) {
        if (resolution != Resolution.PROPOSED) {
            throw new IllegalStateException("no resolution is awaiting an answer (resolution is " + resolution + ")");
        }
        resolution = accepted ? Resolution.ACCEPTED : Resolution.REJECTED;
    }

    public Step step() {
        if (!accountCaptured) {
            return Step.LISTEN;
        }
        if (recap != Recap.CONFIRMED) {
            return Step.RECAP;
        }
        if (apologies == 0) {
            return Step.APOLOGISE;
        }
        return resolution == Resolution.ACCEPTED ? Step.DONE : Step.RESOLVE;
    }

    public boolean isAccountCaptured() {
        return accountCaptured;
    }

    public Recap recap() {
        return recap;
    }

    public int recapsSent() {
        return recapsSent;
    }

    public int apologies() {
        return apologies;
    }

    /** Whether a reply acknowledged how the customer feels; it goes with the recap and apology, never instead of them. */
    public boolean isEmpathyShown() {
        return empathyShown;
    }

    public Resolution resolution() {
        return resolution;
    }

    public int resolutionsProposed() {
        return resolutionsProposed;
    }
}
