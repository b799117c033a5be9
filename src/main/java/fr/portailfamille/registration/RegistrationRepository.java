package fr.portailfamille.registration;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    @Query("select r from Registration r where r.familyFileId = :familyFileId order by r.createdAt desc")
    List<Registration> findByFamilyFileIdOrderByCreatedAtDesc(long familyFileId);

    /**
     * The child's live requests (pending or validated), asked at every pre-registration, its page and its
     * review. The two states are written in the query, so its SQL never depends on a list's length; as every
     * query here, it is written, and Hibernate keeps its translation.
     */
    @Query("select r from Registration r where r.childId = :childId and r.state in "
            + "(fr.portailfamille.registration.RegistrationState.PENDING, fr.portailfamille.registration.RegistrationState.VALIDATED)")
    List<Registration> liveOfChild(@Param("childId") long childId);

    @Query("select r from Registration r where r.familyFileId = :familyFileId and r.state = :state")
    List<Registration> findByFamilyFileIdAndState(long familyFileId, RegistrationState state);

    @Query("select r from Registration r where r.childId = :childId and r.state = :state")
    List<Registration> findByChildIdAndState(long childId, RegistrationState state);

    /**
     * The weekdays of the validated registrations of an activity's period (« MONDAY,TUESDAY »…), one string per
     * registration: what the review counts its places left with, without loading the registrations themselves.
     */
    @Query("select r.weekdays from Registration r where r.activityId = :activityId and r.validFrom = :validFrom"
            + " and r.state = fr.portailfamille.registration.RegistrationState.VALIDATED")
    List<String> validatedWeekdays(long activityId, LocalDate validFrom);
}
