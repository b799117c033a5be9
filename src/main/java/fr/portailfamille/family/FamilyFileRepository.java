package fr.portailfamille.family;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FamilyFileRepository extends JpaRepository<FamilyFile, Long> {

    @Query("select f from FamilyFile f where f.number = :number")
    Optional<FamilyFile> findByNumber(String number);

    @Query("select f from FamilyFile f where f.accountId = :accountId")
    Optional<FamilyFile> findByAccountId(long accountId);

    @Query("select f.id from FamilyFile f where f.accountId = :accountId")
    Optional<Long> findIdByAccountId(long accountId);
}
