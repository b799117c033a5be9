package fr.portailfamille.family;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Stands for the accounts module in tests: the waiting accounts a test declares (none by default). */
@Component("familyTestAccountLinkCandidates")
class TestAccountLinkCandidates implements AccountLinkCandidates {

    static final List<AccountLinkCandidate> WAITING = new CopyOnWriteArrayList<>();

    @Override
    public List<AccountLinkCandidate> unlinkedAccounts() {
        return List.copyOf(WAITING);
    }
}
