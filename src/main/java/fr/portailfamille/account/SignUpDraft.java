package fr.portailfamille.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * What the family typed in the sign-up wizard so far, kept in the HTTP session (stored in
 * PostgreSQL by Spring Session, hence {@link Serializable}). Nothing is written to the accounts
 * before « valider mon inscription ». The password is kept hashed only.
 */
class SignUpDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_KEY = SignUpDraft.class.getName();
    static final int MAX_CLAIM_ATTEMPTS = 5;

    // step 1
    String civility;
    String lastName;
    String firstName;
    String email;
    String phone;
    String username;
    String passwordHash;
    /** Set when the sign-up was started from FranceConnect: shown on step 1, never typed. */
    java.time.LocalDate birthDate;
    boolean prefilled;

    // step 2
    boolean fileStepDone;
    Long familyFileId;
    String familyFileNumber;
    String familyFileName;
    int claimAttempts;

    // step 3
    String termsVersion;
    Instant termsAcceptedAt;

    boolean identityDone() {
        return passwordHash != null;
    }

    boolean termsDone() {
        return termsAcceptedAt != null;
    }

    /** The first step not done yet (1 to 4). */
    int nextStep() {
        if (!identityDone()) {
            return 1;
        }
        if (!fileStepDone) {
            return 2;
        }
        return termsDone() ? 4 : 3;
    }

    /** What step 4 shows. */
    Summary summary() {
        return new Summary(civility, lastName, firstName, email, phone, username, familyFileNumber, familyFileName, termsVersion);
    }

    record Summary(String civility, String lastName, String firstName, String email, String phone, String username,
            String familyFileNumber, String familyFileName, String termsVersion) {}
}
