package fr.portailfamille.registration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findByFamilyFileIdOrderByCreatedAtDesc(long familyFileId);

    /**
     * The child's live requests (pending or validated). The states are written in the query, not bound as a
     * list: Hibernate translates a query with a list parameter to SQL again at every call (the SQL depends on
     * the list's length), and this one runs at every pre-registration, its page and its review.
     */
    @Query("select r from Registration r where r.childId = :childId and r.state in "
            + "(fr.portailfamille.registration.RegistrationState.PENDING, fr.portailfamille.registration.RegistrationState.VALIDATED)")
    List<Registration> liveOfChild(@Param("childId") long childId);

    List<Registration> findByFamilyFileIdAndState(long familyFileId, RegistrationState state);

    List<Registration> findByChildIdAndState(long childId, RegistrationState state);

    List<Registration> findByActivityIdAndValidFromAndState(long activityId, java.time.LocalDate validFrom, RegistrationState state);
}
