package fr.portailfamille.account;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/** Starts the sign-up wizard for another module (a sign-up prefilled from FranceConnect). */
@Component
public class SignUps {

    /** A new draft in this session, its first step prefilled; whatever was typed before is dropped. */
    public void startPrefilled(HttpSession session, SignUpPrefill prefill) {
        SignUpDraft draft = new SignUpDraft();
        draft.civility = prefill.civility();
        draft.lastName = prefill.lastName();
        draft.firstName = prefill.firstName();
        draft.email = prefill.email();
        draft.birthDate = prefill.birthDate();
        draft.prefilled = true;
        session.setAttribute(SignUpDraft.SESSION_KEY, draft);
    }
}
