package fr.portailfamille.family;

import fr.portailfamille.system.security.FamilyPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Which family file the logged-in family may see: the one linked to its account, nothing else. */
@Component
class MyFamilyFile {

    private final FamilyFileRepository files;

    MyFamilyFile(FamilyFileRepository files) {
        this.files = files;
    }

    /** The id of the family's own file; « page introuvable » for an account not linked yet. */
    long idOf(FamilyPrincipal family) {
        return files.findIdByAccountId(family.accountId()).orElseThrow(MyFamilyFile::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
