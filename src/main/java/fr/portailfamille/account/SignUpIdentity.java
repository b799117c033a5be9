package fr.portailfamille.account;

/** The fields of the wizard's first step, as typed (the password fields are never sent back). */
record SignUpIdentity(String civility, String lastName, String firstName, String email, String phone,
        String username, String password, String passwordConfirmation) {

    static SignUpIdentity of(SignUpDraft draft) {
        return new SignUpIdentity(draft.civility, draft.lastName, draft.firstName, draft.email, draft.phone,
                draft.username, null, null);
    }

    SignUpIdentity trimmed() {
        return new SignUpIdentity(trim(civility), trim(lastName), trim(firstName), trim(email), trim(phone),
                trim(username), password, passwordConfirmation);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
