package fr.portailfamille.family;

import java.util.List;

/**
 * Port through which the family module learns which portal accounts wait for a family file
 * (activated with « continuer sans »). The account module implements it; without it, no account
 * is offered for linking.
 */
public interface AccountLinkCandidates {

    /** Activated portal accounts linked to no family file, newest first. */
    List<AccountLinkCandidate> unlinkedAccounts();

    record AccountLinkCandidate(long accountId, String username, String displayName, String email) {}
}
